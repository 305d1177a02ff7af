/**
 * Quality assurance: searching what was said on calls (and, in later issues, scoring, sampling
 * and hotspots). Reads the recording module's {@link org.callcentre.recording.CallSearch}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality assurance")
package org.callcentre.qa;

/**
 * The durable path from a finished call to a searchable transcript: recording jobs, speech to
 * text, and the call index.
 *
 * <p>Other modules see only this package: {@link org.callcentre.recording.CallSearch} to query
 * the index, and the values it takes and returns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recording and transcription")
package org.callcentre.recording;

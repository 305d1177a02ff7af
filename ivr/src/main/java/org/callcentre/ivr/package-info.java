/**
 * The hotline's front door: the FastAGI IVR that answers each call, the AMI connection that
 * drives queues and outbound calls, and the call journey every call leaves behind.
 *
 * <p>Other modules see only this package: {@link org.callcentre.ivr.CallEnded}, published once
 * per call when its journey is stored, and the value types it carries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "IVR and queues")
package org.callcentre.ivr;

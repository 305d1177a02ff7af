package org.callcentre.ivr;

/** How a call ended, from the hotline's point of view. A hang-up is an outcome, never an error. */
public enum CallOutcome {
    /** An agent answered the call. */
    ANSWERED,
    /** The caller hung up before leaving the IVR. */
    ABANDONED_IN_IVR,
    /** The caller hung up (or the queue gave up) before an agent answered. */
    ABANDONED_IN_QUEUE,
    /** The IVR ended the call itself, e.g. after repeated invalid input with no fallback. */
    ENDED_BY_IVR,
    /** The caller asked to be called back and the request was stored. */
    CALLBACK,
    /** The caller left a voicemail (e.g. an after-hours message). */
    VOICEMAIL,
    /** The IVR transferred the call to an extension outside the queues. */
    TRANSFERRED
}

package org.callcentre.recording.transcription;

/**
 * Who spoke. MIXED when both directions of the call are in one recording; IVR for the hotline's
 * own prompts, heard in the recording of a call's IVR part.
 */
public enum Speaker { CUSTOMER, AGENT, IVR, MIXED }

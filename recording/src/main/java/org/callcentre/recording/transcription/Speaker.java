package org.callcentre.recording.transcription;

/** Who spoke. MIXED when both directions of the call are in one recording. */
public enum Speaker { CUSTOMER, AGENT, MIXED }

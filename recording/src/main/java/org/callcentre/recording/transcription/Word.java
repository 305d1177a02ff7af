package org.callcentre.recording.transcription;

/** A recognised word with its times in seconds from the start of the recording. */
public record Word(String text, double start, double end, double confidence) {
}

package org.callcentre.recording.pipeline;

/** The recording is not (yet) complete on disk: Asterisk may still be closing it. Try again later. */
final class RecordingNotReady extends RuntimeException {
    RecordingNotReady(String message) {
        super(message);
    }
}

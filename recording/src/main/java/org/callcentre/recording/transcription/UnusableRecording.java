package org.callcentre.recording.transcription;

/**
 * A recording that can never be transcribed as it is (corrupt, empty, wrong format): retrying
 * will not help. The message is the reason shown to operators.
 */
public class UnusableRecording extends RuntimeException {
    public UnusableRecording(String message) {
        super(message);
    }
}

package org.callcentre.recording;

/**
 * One utterance found by a search: who said it, when in the call (seconds from the start of the
 * recording), the words as recognised, and the same words with the matches in {@code <em>}.
 */
public record UtteranceHit(
        String callId,
        String speaker,
        double startSeconds,
        double endSeconds,
        String text,
        String highlighted,
        double score) {
}

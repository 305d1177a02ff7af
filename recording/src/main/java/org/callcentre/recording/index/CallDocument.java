package org.callcentre.recording.index;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The call-level document in the index, keyed by call id. {@code transcript} holds analysed
 * tokens (see {@link TranscriptAnalysis}); {@code transcriptText} the words as recognised.
 */
public record CallDocument(
        @JsonProperty("call_id") String callId,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("ended_at") String endedAt,
        @JsonProperty("duration_seconds") long durationSeconds,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("last_node") String lastNode,
        @JsonProperty("menu_choice") String menuChoice,
        @JsonProperty("queue") String queue,
        @JsonProperty("agent") String agent,
        @JsonProperty("recording_id") String recordingId,
        @JsonProperty("transcript") String transcript,
        @JsonProperty("transcript_text") String transcriptText) {
}

package org.callcentre.recording.index;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The call-level document in the index, keyed by call id. {@code transcript} holds analysed
 * tokens (see {@link TranscriptAnalysis}); {@code transcriptText} the words as recognised. The
 * agent's wrap-up (business type, resolved, follow-up) is empty until the agent sets it.
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
        @JsonProperty("transcript_text") String transcriptText,
        @JsonProperty("business_type") String businessType,
        @JsonProperty("resolved") Boolean resolved,
        @JsonProperty("follow_up") Boolean followUp) {

    /** A call nobody has wrapped up yet. */
    public CallDocument(String callId, String startedAt, String endedAt, long durationSeconds, String outcome,
            String lastNode, String menuChoice, String queue, String agent, String recordingId, String transcript,
            String transcriptText) {
        this(callId, startedAt, endedAt, durationSeconds, outcome, lastNode, menuChoice, queue, agent, recordingId,
                transcript, transcriptText, null, null, null);
    }

    /** This call with the agent's wrap-up. */
    public CallDocument wrappedUp(String businessType, boolean resolved, boolean followUp) {
        return new CallDocument(callId, startedAt, endedAt, durationSeconds, outcome, lastNode, menuChoice, queue,
                agent, recordingId, transcript, transcriptText, businessType, resolved, followUp);
    }

    CallDocument withTranscript(String analysedTokens) {
        return new CallDocument(callId, startedAt, endedAt, durationSeconds, outcome, lastNode, menuChoice, queue,
                agent, recordingId, analysedTokens, transcriptText, businessType, resolved, followUp);
    }
}

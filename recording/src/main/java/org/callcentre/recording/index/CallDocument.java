package org.callcentre.recording.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The call-level document in the index, keyed by call id. {@code transcript} holds analysed
 * tokens (see {@link TranscriptAnalysis}); {@code transcriptText} the words as recognised. The
 * agent's wrap-up (business type, resolved, follow-up) is empty until the agent sets it.
 * {@code recordingPauses} are the stretches in which the recording was paused (silence, for QA to
 * know why), {@code recordingPausedSeconds} their total. {@code transcriptSounds} and
 * {@code transcriptAlternatives} are for search only: the tokens' sounds-like codes
 * ({@link SoundsLike}), and the analysed tokens of what the recogniser nearly heard (its other
 * hypotheses' words, see {@code Utterance.alternatives}).
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
        @JsonProperty("follow_up") Boolean followUp,
        @JsonProperty("recording_pauses") List<Pause> recordingPauses,
        @JsonProperty("recording_paused_seconds") Double recordingPausedSeconds,
        @JsonProperty("transcript_sounds") String transcriptSounds,
        @JsonProperty("transcript_alternatives") String transcriptAlternatives) {

    /** Documents indexed before pauses were recorded have neither field: no pauses. */
    public CallDocument {
        recordingPauses = recordingPauses == null ? List.of() : List.copyOf(recordingPauses);
        recordingPausedSeconds = recordingPausedSeconds == null ? 0.0 : recordingPausedSeconds;
    }

    /** A call nobody has wrapped up, whose recording was never paused. */
    public CallDocument(String callId, String startedAt, String endedAt, long durationSeconds, String outcome,
            String lastNode, String menuChoice, String queue, String agent, String recordingId, String transcript,
            String transcriptText) {
        this(callId, startedAt, endedAt, durationSeconds, outcome, lastNode, menuChoice, queue, agent, recordingId,
                transcript, transcriptText, null, null, null, List.of(), 0.0, null, null);
    }

    /** This call with the agent's wrap-up. */
    public CallDocument wrappedUp(String businessType, boolean resolved, boolean followUp) {
        return new CallDocument(callId, startedAt, endedAt, durationSeconds, outcome, lastNode, menuChoice, queue,
                agent, recordingId, transcript, transcriptText, businessType, resolved, followUp, recordingPauses,
                recordingPausedSeconds, transcriptSounds, transcriptAlternatives);
    }

    /** This call with the stretches its recording was paused. */
    public CallDocument withPauses(List<Pause> pauses, double pausedSeconds) {
        return new CallDocument(callId, startedAt, endedAt, durationSeconds, outcome, lastNode, menuChoice, queue,
                agent, recordingId, transcript, transcriptText, businessType, resolved, followUp, pauses,
                pausedSeconds, transcriptSounds, transcriptAlternatives);
    }

    /** The same document with its transcript's tokens, their sounds-like codes and the alternatives' tokens. */
    CallDocument withTranscript(String tokens, String sounds, String alternatives) {
        return new CallDocument(callId, startedAt, endedAt, durationSeconds, outcome, lastNode, menuChoice, queue,
                agent, recordingId, tokens, transcriptText, businessType, resolved, followUp, recordingPauses,
                recordingPausedSeconds, sounds, alternatives);
    }

    /** One pause: instants, offsets into the recording in seconds, and who or what paused and resumed. */
    public record Pause(
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("from_seconds") double fromSeconds,
            @JsonProperty("to_seconds") double toSeconds,
            @JsonProperty("paused_by") String pausedBy,
            @JsonProperty("paused_via") String pausedVia,
            @JsonProperty("resumed_by") String resumedBy,
            @JsonProperty("resumed_via") String resumedVia) {
    }
}

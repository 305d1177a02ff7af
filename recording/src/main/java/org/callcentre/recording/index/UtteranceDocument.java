package org.callcentre.recording.index;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One utterance as a flat document in the utterance index, beside its call's document (flat,
 * not nested, so aggregations such as significant_text work on it). Keyed by call id and the
 * utterance's place in the call, so indexing a call again overwrites rather than duplicates.
 * {@code text} holds analysed tokens, {@code textRaw} the words as recognised, {@code textSounds}
 * the tokens' sounds-like codes, {@code textAlternatives} the tokens of what the recogniser nearly
 * heard (see {@code Utterance.alternatives}). The call's facts
 * QA filters on (agent, queue, choice, outcome, the whole wrap-up) are copied onto each utterance,
 * so an utterance search takes every field a call search does; a wrap-up that comes later has
 * the call indexed again, its utterances with it.
 */
record UtteranceDocument(
        @JsonProperty("call_id") String callId,
        @JsonProperty("seq") int seq,
        @JsonProperty("speaker") String speaker,
        @JsonProperty("start_seconds") double startSeconds,
        @JsonProperty("end_seconds") double endSeconds,
        @JsonProperty("call_started_at") String callStartedAt,
        @JsonProperty("confidence") double confidence,
        @JsonProperty("agent") String agent,
        @JsonProperty("queue") String queue,
        @JsonProperty("menu_choice") String menuChoice,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("business_type") String businessType,
        @JsonProperty("resolved") Boolean resolved,
        @JsonProperty("follow_up") Boolean followUp,
        @JsonProperty("language") String language,
        @JsonProperty("text") String text,
        @JsonProperty("text_raw") String textRaw,
        @JsonProperty("text_sounds") String textSounds,
        @JsonProperty("text_alternatives") String textAlternatives) {

    String id() {
        return callId + "/" + seq;
    }
}

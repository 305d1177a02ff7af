package org.callcentre.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.callcentre.recording.transcription.Speaker;
import org.junit.jupiter.api.Test;

class CallRecordingTest {

    @Test
    void conversationDirectionFilesAreNamedAfterTheMixedFileKeepingItsFormat() {
        CallRecording r = CallRecording.named("1700000000.12.wav16");

        assertThat(r.customer()).isEqualTo("1700000000.12-customer.wav16");
        assertThat(r.heard()).isEqualTo("1700000000.12-agent.wav16");
        assertThat(r.directions()).containsExactly(
                Map.entry(Speaker.CUSTOMER, r.customer()), Map.entry(Speaker.AGENT, r.heard()));
        assertThat(r.filesByPart()).containsExactly(Map.entry("mixed", "1700000000.12.wav16"),
                Map.entry("customer", r.customer()), Map.entry("agent", r.heard()));
    }

    @Test
    void theIvrPartHearsTheHotlinesPromptsAndIsStoredUnderItsOwnPartNames() {
        CallRecording r = CallRecording.ivrPart("1700000000.12-ivr.wav16");

        assertThat(r.customer()).isEqualTo("1700000000.12-ivr-customer.wav16");
        assertThat(r.heard()).isEqualTo("1700000000.12-ivr-prompts.wav16");
        assertThat(r.directions()).containsExactly(
                Map.entry(Speaker.CUSTOMER, r.customer()), Map.entry(Speaker.IVR, r.heard()));
        assertThat(r.filesByPart()).containsExactly(Map.entry("ivr-mixed", "1700000000.12-ivr.wav16"),
                Map.entry("ivr-customer", r.customer()), Map.entry("ivr-prompts", r.heard()));
    }
}

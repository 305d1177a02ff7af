package org.callcentre.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.callcentre.recording.transcription.Speaker;
import org.junit.jupiter.api.Test;

class CallRecordingTest {

    @Test
    void directionFilesAreNamedAfterTheMixedFileKeepingItsFormat() {
        CallRecording r = CallRecording.named("1700000000.12.wav16");

        assertThat(r.customer()).isEqualTo("1700000000.12-customer.wav16");
        assertThat(r.agent()).isEqualTo("1700000000.12-agent.wav16");
        assertThat(r.directions()).containsExactly(
                java.util.Map.entry(Speaker.CUSTOMER, r.customer()), java.util.Map.entry(Speaker.AGENT, r.agent()));
    }
}

package org.callcentre.ivr.recordingpause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.ivr.RecordingPause.Via;
import org.junit.jupiter.api.Test;

class PauseLedgerTest {

    private static final Instant CONNECTED = Instant.parse("2026-01-05T10:00:00Z");
    private final PauseLedger ledger = new PauseLedger(CONNECTED);

    @Test
    void pauseThenResumeGivesOneSpanWithOffsetsIntoTheRecording() {
        assertThat(ledger.pause(CONNECTED.plusMillis(8_250), "agent1", Via.API)).isPresent();
        assertThat(ledger.paused()).isTrue();
        assertThat(ledger.openSince()).contains(CONNECTED.plusMillis(8_250));

        PauseLedger.Closed closed = ledger.resume(CONNECTED.plusSeconds(20), "supervisor", Via.API).orElseThrow();

        assertThat(closed.seq()).isZero();
        assertThat(closed.pause()).isEqualTo(new RecordingPause(CONNECTED.plusMillis(8_250), CONNECTED.plusSeconds(20),
                8.25, 20.0, "agent1", Via.API, "supervisor", Via.API));
        assertThat(ledger.paused()).isFalse();
        assertThat(ledger.pauses()).containsExactly(closed.pause());
    }

    @Test
    void pausingAPausedRecordingChangesNothing() {
        ledger.pause(CONNECTED.plusSeconds(5), "agent1", Via.DTMF);

        assertThat(ledger.pause(CONNECTED.plusSeconds(6), "supervisor", Via.API)).isEmpty();
        assertThat(ledger.openSince()).contains(CONNECTED.plusSeconds(5));
    }

    @Test
    void resumingARunningRecordingChangesNothing() {
        assertThat(ledger.resume(CONNECTED.plusSeconds(5), "agent1", Via.API)).isEmpty();
        assertThat(ledger.pauses()).isEmpty();
    }

    @Test
    void theCallsEndClosesAnOpenPause() {
        ledger.pause(CONNECTED.plusSeconds(30), "agent1", Via.DTMF);

        RecordingPause closed = ledger.callEnded(CONNECTED.plusSeconds(42)).orElseThrow().pause();

        assertThat(closed.toSecond()).isEqualTo(42.0);
        assertThat(closed.resumedBy()).isNull();
        assertThat(closed.resumedVia()).isEqualTo(Via.CALL_END);
        assertThat(ledger.callEnded(CONNECTED.plusSeconds(50))).as("nothing left open").isEmpty();
    }

    @Test
    void pausesAreNumberedInOrder() {
        ledger.pause(CONNECTED.plusSeconds(1), "agent1", Via.DTMF);
        ledger.resume(CONNECTED.plusSeconds(2), "agent1", Via.DTMF);

        assertThat(ledger.pause(CONNECTED.plusSeconds(3), "agent1", Via.DTMF)).hasValueSatisfying(
                open -> assertThat(open.seq()).isEqualTo(1));
    }

    @Test
    void aMomentBeforeTheRecordingStartedCountsAsItsStart() {
        assertThat(ledger.second(CONNECTED.minusMillis(300))).isZero();
    }

    @Test
    void theCallsEndCannotPause() {
        assertThatThrownBy(() -> ledger.pause(CONNECTED, null, Via.CALL_END))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPauseCannotEndBeforeItBegins() {
        assertThatThrownBy(() -> new RecordingPause(CONNECTED, CONNECTED.minusSeconds(1), 0, 0, "a", Via.API, "a",
                Via.API)).hasMessageContaining("before it begins");
    }
}

package org.callcentre.ivr.recordingpause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.ivr.RecordingPause.Via;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.ivr.floor.MutableClock;
import org.junit.jupiter.api.Test;

class RecordingPausesTest {

    private static final Instant CONNECTED = Instant.parse("2026-01-05T10:00:00Z");
    private static final String CALL = "1700000000.42";
    private static final String CHANNEL = "Local/s@synthetic-caller-00000001;1";

    private final MutableClock clock = new MutableClock(CONNECTED);
    private final List<String> amiActions = new ArrayList<>();
    private RuntimeException amiRefusal;
    private final InMemoryLog log = new InMemoryLog();
    private final RecordingPauses pauses = new RecordingPauses((channel, muted) -> {
        if (amiRefusal != null) {
            throw amiRefusal;
        }
        amiActions.add(channel + (muted ? " mute" : " unmute"));
    }, log, clock);

    @Test
    void pauseMutesTheCustomersChannelOnceAndIsIdempotent() {
        pauses.connected(new ConnectedCall(CALL, CHANNEL, "agent1", CONNECTED));
        clock.advance(java.time.Duration.ofSeconds(8));

        RecordingPauses.Status first = pauses.pause(CALL, "agent1", Via.API);
        RecordingPauses.Status again = pauses.pause(CALL, "supervisor", Via.API);

        assertThat(amiActions).containsExactly(CHANNEL + " mute");
        assertThat(first.paused()).isTrue();
        assertThat(again).isEqualTo(first);
        assertThat(log.open).containsKey(CALL + "/0");
    }

    @Test
    void resumeUnmutesAndKeepsTheSpanWithWhoDidWhat() {
        pauses.connected(new ConnectedCall(CALL, CHANNEL, "agent1", CONNECTED));
        clock.advance(java.time.Duration.ofSeconds(8));
        pauses.pause(CALL, "agent1", Via.API);
        clock.advance(java.time.Duration.ofSeconds(5));

        RecordingPauses.Status status = pauses.resume(CALL, "supervisor", Via.API);
        pauses.resume(CALL, "supervisor", Via.API);

        assertThat(amiActions).containsExactly(CHANNEL + " mute", CHANNEL + " unmute");
        assertThat(status.paused()).isFalse();
        assertThat(status.pauses()).singleElement().satisfies(p -> {
            assertThat(p.fromSecond()).isEqualTo(8.0);
            assertThat(p.toSecond()).isEqualTo(13.0);
            assertThat(p.pausedBy()).isEqualTo("agent1");
            assertThat(p.resumedBy()).isEqualTo("supervisor");
        });
        assertThat(log.closed).containsOnlyKeys(CALL + "/0");
    }

    @Test
    void theDtmfCodeTogglesOnBehalfOfTheCallsAgent() {
        pauses.connected(new ConnectedCall(CALL, CHANNEL, "agent1", CONNECTED));

        assertThat(pauses.toggle(CALL, Via.DTMF).paused()).isTrue();
        clock.advance(java.time.Duration.ofSeconds(3));
        RecordingPauses.Status resumed = pauses.toggle(CALL, Via.DTMF);

        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.pauses()).singleElement().satisfies(p -> {
            assertThat(p.pausedBy()).isEqualTo("agent1");
            assertThat(p.pausedVia()).isEqualTo(Via.DTMF);
            assertThat(p.resumedVia()).isEqualTo(Via.DTMF);
        });
    }

    @Test
    void aRefusedMuteLeavesTheRecordingRunning() {
        pauses.connected(new ConnectedCall(CALL, CHANNEL, "agent1", CONNECTED));
        amiRefusal = new AmiConnection.AmiActionFailed("MixMonitorMute refused: No such channel");

        assertThatThrownBy(() -> pauses.pause(CALL, "agent1", Via.API))
                .isInstanceOf(AmiConnection.AmiActionFailed.class);
        amiRefusal = null;
        assertThat(pauses.resume(CALL, "agent1", Via.API).paused()).isFalse();
        assertThat(amiActions).isEmpty();
        assertThat(log.open).isEmpty();
    }

    @Test
    void aCallWithoutAgentCannotBePaused() {
        assertThatThrownBy(() -> pauses.pause("no-such-call", "agent1", Via.API))
                .isInstanceOfSatisfying(RecordingPauses.NotConnected.class, e -> assertThat(e.ended()).isFalse());
    }

    @Test
    void whenTheAgentLeavesAnOpenPauseEndsAndTheCallCannotBePausedAgain() {
        pauses.connected(new ConnectedCall(CALL, CHANNEL, "agent1", CONNECTED));
        pauses.pause(CALL, "agent1", Via.API);
        clock.advance(java.time.Duration.ofSeconds(4));

        pauses.disconnected(CALL);

        assertThat(log.closed.get(CALL + "/0").resumedVia()).isEqualTo(Via.CALL_END);
        assertThat(amiActions).endsWith(CHANNEL + " unmute");
        assertThat(pauses.connectedCall(CALL)).isEmpty();
        assertThatThrownBy(() -> pauses.pause(CALL, "agent1", Via.API))
                .isInstanceOfSatisfying(RecordingPauses.NotConnected.class, e -> assertThat(e.ended()).isTrue());
    }

    @Test
    void theCallsEndClosesAnOpenPauseAndForgetsTheCall() {
        pauses.connected(new ConnectedCall(CALL, CHANNEL, "agent1", CONNECTED));
        pauses.pause(CALL, "agent1", Via.DTMF);

        List<RecordingPause> all = pauses.closeAtCallEnd(CALL, CONNECTED.plusSeconds(30));

        assertThat(all).singleElement().satisfies(p -> {
            assertThat(p.toSecond()).isEqualTo(30.0);
            assertThat(p.resumedVia()).isEqualTo(Via.CALL_END);
        });
        assertThat(pauses.connectedCall(CALL)).isEmpty();
    }

    /** Keeps what would be stored, keyed "callId/seq". */
    private static final class InMemoryLog implements PauseLog {
        final Map<String, PauseLedger.Open> open = new TreeMap<>();
        final Map<String, RecordingPause> closed = new TreeMap<>();

        @Override
        public void opened(String callId, Instant recordingStartedAt, PauseLedger.Open pause) {
            open.put(callId + "/" + pause.seq(), pause);
        }

        @Override
        public void closed(String callId, PauseLedger.Closed pause) {
            closed.put(callId + "/" + pause.seq(), pause.pause());
        }

        @Override
        public List<RecordingPause> closeOpen(String callId, Instant end) {
            return of(callId);
        }

        @Override
        public List<RecordingPause> of(String callId) {
            return closed.entrySet().stream().filter(e -> e.getKey().startsWith(callId + "/"))
                    .map(Map.Entry::getValue).toList();
        }
    }
}

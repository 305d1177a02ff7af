package org.callcentre.ivr.recordingpause;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.ivr.RecordingPause.Via;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Pauses and resumes the recording of calls connected to an agent, through the API or the agent's
 * DTMF code, and keeps each pause for the call's metadata. Asterisk is told first; only once it
 * has muted (or unmuted) the recording is the change kept, so a refused request leaves the state
 * as it was. Both requests are idempotent.
 *
 * <p>Thread-safe: requests for one call are serialised (API threads, the AMI feed's thread and
 * the IVR session that ends the call may race); different calls do not wait for each other.
 * The live state is in memory: after a server restart, calls connected before it cannot be
 * paused, and their open pauses close at the call's end.
 */
public final class RecordingPauses {

    private static final Logger log = LoggerFactory.getLogger(RecordingPauses.class);

    private final RecordingMute mute;
    private final PauseLog pauses;
    private final Clock clock;
    private final ConcurrentMap<String, Live> calls = new ConcurrentHashMap<>();

    RecordingPauses(RecordingMute mute, PauseLog pauses, Clock clock) {
        this.mute = mute;
        this.pauses = pauses;
        this.clock = clock;
    }

    /** Where a call's recording stands: paused (since when) or not, and the pauses that ended. */
    public record Status(String callId, boolean paused, Instant pausedSince, List<RecordingPause> pauses) { }

    /** The call is not connected to an agent: unknown here, or its agent has left. */
    public static final class NotConnected extends RuntimeException {
        private final boolean ended;

        NotConnected(String callId, boolean ended) {
            super(ended ? "call " + callId + " is no longer connected to an agent"
                    : "no call " + callId + " is connected to an agent");
            this.ended = ended;
        }

        /** True when the call was connected and its agent has left. */
        public boolean ended() {
            return ended;
        }
    }

    private static final class Live {
        ConnectedCall call;
        final PauseLedger ledger;
        boolean connected = true;

        Live(ConnectedCall call) {
            this.call = call;
            this.ledger = new PauseLedger(call.connectedAt());
        }
    }

    /** An agent was connected: the recording runs. A second agent (a transfer) keeps the first timeline. */
    void connected(ConnectedCall call) {
        calls.compute(call.callId(), (id, live) -> {
            if (live == null) {
                return new Live(call);
            }
            synchronized (live) {
                live.call = call;
                live.connected = true;
            }
            return live;
        });
    }

    /**
     * The agent left the call: a pause still open ends here, and the recording is unmuted in case
     * the caller goes on to another agent (a channel already gone refuses that, which is fine).
     */
    void disconnected(String callId) {
        Live live = calls.get(callId);
        if (live == null) {
            return;
        }
        synchronized (live) {
            live.connected = false;
            Optional<PauseLedger.Closed> closed = live.ledger.callEnded(clock.instant());
            closed.ifPresent(c -> pauses.closed(callId, c));
            if (closed.isPresent()) {
                try {
                    mute.mute(live.call.callerChannel(), false);
                } catch (RuntimeException e) {
                    log.debug("Unmuting {} after the agent left: {}", callId, e.getMessage());
                }
            }
        }
    }

    public Optional<ConnectedCall> connectedCall(String callId) {
        Live live = calls.get(callId);
        if (live == null) {
            return Optional.empty();
        }
        synchronized (live) {
            return live.connected ? Optional.of(live.call) : Optional.empty();
        }
    }

    /** @throws NotConnected when no agent is connected to the call */
    public Status pause(String callId, String by, Via via) {
        return change(callId, true, by, via);
    }

    /** @throws NotConnected when no agent is connected to the call */
    public Status resume(String callId, String by, Via via) {
        return change(callId, false, by, via);
    }

    /** The DTMF code: pauses a running recording, resumes a paused one, on behalf of the call's agent. */
    Status toggle(String callId, Via via) {
        Live live = connectedLive(callId);
        synchronized (live) {
            return change(live, !live.ledger.paused(), live.call.agent(), via);
        }
    }

    private Status change(String callId, boolean pause, String by, Via via) {
        Live live = connectedLive(callId);
        synchronized (live) {
            return change(live, pause, by, via);
        }
    }

    private Status change(Live live, boolean pause, String by, Via via) {
        String callId = live.call.callId();
        if (!live.connected) {
            throw new NotConnected(callId, true);
        }
        if (live.ledger.paused() != pause) {
            Instant at = clock.instant();
            mute.mute(live.call.callerChannel(), pause);
            if (pause) {
                live.ledger.pause(at, by, via).ifPresent(open -> pauses.opened(callId, live.ledger.recordingStartedAt(),
                        open));
            } else {
                live.ledger.resume(at, by, via).ifPresent(closed -> pauses.closed(callId, closed));
            }
            MDC.put("callId", callId);
            log.info("Recording {} by {} via {}", pause ? "paused" : "resumed", by, via);
            MDC.remove("callId");
        }
        return status(live);
    }

    private Live connectedLive(String callId) {
        Live live = calls.get(callId);
        if (live == null) {
            throw new NotConnected(callId, false);
        }
        return live;
    }

    private static Status status(Live live) {
        return new Status(live.call.callId(), live.ledger.paused(), live.ledger.openSince().orElse(null),
                live.ledger.pauses());
    }

    /** The call's ended pauses, as stored. */
    public List<RecordingPause> of(String callId) {
        return pauses.of(callId);
    }

    /**
     * The call has ended: closes a pause still open at {@code end}, forgets the call and returns all
     * its pauses. Runs in the transaction that stores the call's journey.
     */
    public List<RecordingPause> closeAtCallEnd(String callId, Instant end) {
        Live live = calls.remove(callId);
        if (live != null) {
            synchronized (live) {
                live.connected = false;
                live.ledger.callEnded(end).ifPresent(c -> pauses.closed(callId, c));
            }
        }
        return pauses.closeOpen(callId, end);
    }
}

package org.callcentre.ivr.recordingpause;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.ivr.RecordingPause.Via;

/**
 * The pause state of one call's recording: paused or recording, and the pauses so far. Pausing a
 * paused recording and resuming a running one change nothing (both requests are idempotent).
 * Offsets count from the recording's start, the moment the agent was connected. Not thread-safe:
 * {@link RecordingPauses} serialises access per call.
 */
final class PauseLedger {

    private final Instant recordingStartedAt;
    private final List<RecordingPause> closed = new ArrayList<>();
    private Open open;

    PauseLedger(Instant recordingStartedAt) {
        this.recordingStartedAt = Objects.requireNonNull(recordingStartedAt, "recordingStartedAt");
    }

    /** A pause that has begun and not ended yet; {@code seq} numbers the call's pauses from 0. */
    record Open(int seq, Instant from, String by, Via via) { }

    /** A pause that has just ended, with its number. */
    record Closed(int seq, RecordingPause pause) { }

    boolean paused() {
        return open != null;
    }

    /** When the open pause began, if the recording is paused. */
    Optional<Instant> openSince() {
        return Optional.ofNullable(open).map(Open::from);
    }

    Instant recordingStartedAt() {
        return recordingStartedAt;
    }

    /** Begins a pause; empty when the recording is paused already. */
    Optional<Open> pause(Instant at, String by, Via via) {
        if (open != null) {
            return Optional.empty();
        }
        if (via == Via.CALL_END) {
            throw new IllegalArgumentException("the call's end does not pause a recording");
        }
        open = new Open(closed.size(), at, by, via);
        return Optional.of(open);
    }

    /** Ends the open pause; empty when the recording is not paused. */
    Optional<Closed> resume(Instant at, String by, Via via) {
        if (open == null) {
            return Optional.empty();
        }
        Instant to = at.isBefore(open.from()) ? open.from() : at;
        RecordingPause pause = new RecordingPause(open.from(), to, second(open.from()), second(to), open.by(),
                open.via(), by, via);
        Closed done = new Closed(open.seq(), pause);
        closed.add(pause);
        open = null;
        return Optional.of(done);
    }

    /** Ends a pause still open when the call (or the agent's part of it) ends. */
    Optional<Closed> callEnded(Instant at) {
        return resume(at, null, Via.CALL_END);
    }

    /** The ended pauses, in order. */
    List<RecordingPause> pauses() {
        return List.copyOf(closed);
    }

    /** Seconds into the recording; a moment before it started counts as its start. */
    double second(Instant at) {
        long millis = Duration.between(recordingStartedAt, at).toMillis();
        return Math.max(0, millis) / 1000.0;
    }
}

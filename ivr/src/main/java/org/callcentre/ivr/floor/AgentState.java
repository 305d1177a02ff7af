package org.callcentre.ivr.floor;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;

/**
 * One agent's state and today's time accounting. Each change of status books the time spent in
 * the previous one. Confined to the floor's event thread.
 */
final class AgentState {

    final String agent;
    final TreeSet<String> queues = new TreeSet<>();
    AgentStatus status = AgentStatus.LOGGED_OUT;
    String pausedReason = "";
    Instant since;
    Instant wrapUpUntil = Instant.MIN;
    long callsHandled;
    long loggedInMillis;
    long pausedMillis;
    long busyMillis;
    long ringMillis;
    long rings;

    AgentState(String agent, Instant now) {
        this.agent = agent;
        this.since = now;
    }

    void moveTo(AgentStatus next, String reason, Instant now) {
        book(now);
        if (next != status) {
            status = next;
            since = now;
        }
        pausedReason = next == AgentStatus.PAUSED && reason != null ? reason : "";
    }

    /** Wrap-up ends by itself once its time is up. */
    void settle(Instant now) {
        if (status == AgentStatus.WRAP_UP && !now.isBefore(wrapUpUntil)) {
            book(wrapUpUntil);
            status = AgentStatus.AVAILABLE;
            since = wrapUpUntil;
        }
    }

    void rang(Duration d) {
        ringMillis += d.toMillis();
        rings++;
    }

    /** Books the time since the last booking into the current status's buckets. */
    private void book(Instant now) {
        long ms = Math.max(0, Duration.between(since, now).toMillis());
        if (status != AgentStatus.LOGGED_OUT) {
            loggedInMillis += ms;
        }
        if (status == AgentStatus.PAUSED) {
            pausedMillis += ms;
        }
        if (status == AgentStatus.ON_CALL || status == AgentStatus.WRAP_UP) {
            busyMillis += ms;
        }
        since = now;
    }

    void resetCounters(Instant now) {
        book(now);
        callsHandled = loggedInMillis = pausedMillis = busyMillis = ringMillis = rings = 0;
    }

    /** Time accounting as of {@code now}, without changing state. */
    long[] bookedAsOf(Instant now) {
        long ms = Math.max(0, Duration.between(since, now).toMillis());
        long loggedIn = loggedInMillis + (status != AgentStatus.LOGGED_OUT ? ms : 0);
        long paused = pausedMillis + (status == AgentStatus.PAUSED ? ms : 0);
        long busy = busyMillis + (status == AgentStatus.ON_CALL || status == AgentStatus.WRAP_UP ? ms : 0);
        return new long[] {loggedIn, paused, busy};
    }
}

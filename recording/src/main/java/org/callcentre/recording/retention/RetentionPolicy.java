package org.callcentre.recording.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * How long recordings and transcripts are kept: a default (the manuals say at least 3 years)
 * and optional periods per queue. A call is past retention once its end plus the period of its
 * queue lies before now.
 */
record RetentionPolicy(Period standard, Map<String, Period> perQueue) {

    RetentionPolicy {
        Objects.requireNonNull(standard, "standard");
        perQueue = Map.copyOf(perQueue);
    }

    Period of(String queue) {
        return queue == null ? standard : perQueue.getOrDefault(queue, standard);
    }

    boolean expired(String queue, Instant callEnded, Instant now) {
        return callEnded.atOffset(ZoneOffset.UTC).plus(of(queue)).toInstant().isBefore(now);
    }

    /** The oldest end time a call of any queue may have and still be kept: candidates end before it. */
    Instant earliestCutoff(Instant now) {
        Period shortest = perQueue.values().stream().reduce(standard, (a, b) -> days(a) <= days(b) ? a : b);
        return now.atOffset(ZoneOffset.UTC).minus(shortest).toInstant();
    }

    private static long days(Period p) {
        return p.toTotalMonths() * 31 + p.getDays();
    }
}

package org.callcentre.ivr.floor;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One queue's live callers and today's counters. Confined to the floor's event thread. */
final class QueueState {

    final String name;
    final Duration serviceLevelThreshold;
    final Map<String, Instant> waiting = new LinkedHashMap<>();
    long offered;
    long answered;
    long answeredWithinThreshold;
    long abandoned;
    long heldSecondsOfAnswered;
    long completed;
    long talkSeconds;

    QueueState(String name, Duration serviceLevelThreshold) {
        this.name = name;
        this.serviceLevelThreshold = serviceLevelThreshold;
    }

    void joined(String callerId, Instant at) {
        if (waiting.putIfAbsent(callerId, at) == null) {
            offered++;
        }
    }

    void answered(String callerId, Duration held) {
        waiting.remove(callerId);
        answered++;
        heldSecondsOfAnswered += held.toSeconds();
        if (held.compareTo(serviceLevelThreshold) <= 0) {
            answeredWithinThreshold++;
        }
    }

    void resetCounters() {
        offered = answered = answeredWithinThreshold = abandoned = heldSecondsOfAnswered = completed = talkSeconds = 0;
    }

    FloorSnapshot.QueueFigures figures(Instant now) {
        long longest = waiting.values().stream().mapToLong(t -> Duration.between(t, now).toSeconds()).max().orElse(0);
        long ended = answered + abandoned;
        return new FloorSnapshot.QueueFigures(name, waiting.size(), Math.max(0, longest), offered, answered,
                abandoned, serviceLevelThreshold.toSeconds(), answered == 0 ? 1.0 : (double) answeredWithinThreshold / answered,
                ended == 0 ? 0.0 : (double) abandoned / ended,
                answered == 0 ? 0.0 : (double) heldSecondsOfAnswered / answered,
                completed == 0 ? 0.0 : (double) talkSeconds / completed);
    }
}

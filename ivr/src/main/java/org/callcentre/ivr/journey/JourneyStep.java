package org.callcentre.ivr.journey;

import java.time.Instant;
import java.util.Objects;

/** One thing that happened on a call: a node entered, a key pressed, a queue joined... */
public record JourneyStep(Instant at, String node, String event, String detail) {
    public JourneyStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(event, "event");
        detail = detail == null ? "" : detail;
    }
}

package org.callcentre.ivr;

import java.time.Instant;

/** Published when the floor's surge level changes, with the figures that moved it. */
public record SurgeLevelChanged(Instant at, SurgeLevel from, SurgeLevel to, int waitingCallers,
        long longestWaitSeconds) {
}

package org.callcentre.ivr.floor;

import java.time.Instant;
import java.util.List;
import org.callcentre.ivr.SurgeLevel;

/**
 * The floor at one instant: per queue and per agent figures, the day's four floor rates
 * (DOMAIN.md) and the surge level. Immutable; safe to hand to any thread.
 */
public record FloorSnapshot(Instant at, List<QueueFigures> queues, List<AgentView> agents, FloorRates rates,
        SurgeLevel surge) {

    /**
     * @param serviceLevelThresholdSeconds the queue's configured threshold (callcentre.ivr.queues)
     * @param serviceLevel share of answered calls answered within the threshold, 0..1 (1 with no calls)
     * @param abandonRate  abandoned / (answered + abandoned), 0..1
     */
    public record QueueFigures(String queue, int waiting, long longestWaitSeconds, long offered, long answered,
            long abandoned, long serviceLevelThresholdSeconds, double serviceLevel, double abandonRate, double averageSpeedOfAnswerSeconds,
            double averageHandleTimeSeconds) { }

    public record AgentView(String agent, AgentStatus status, String pausedReason, long secondsInState,
            List<String> queues, long callsHandled) { }

    /**
     * The four daily floor rates. Ratios are 0..1 over the agents' logged-in time today.
     *
     * @param averageRingSeconds average time an agent's phone rang before answer or no-answer
     * @param loginRate          rostered agents logged in now / rostered agents
     * @param notReadyRate       paused time / logged-in time
     * @param utilisation        (talk + wrap-up) time / logged-in time
     */
    public record FloorRates(double averageRingSeconds, double loginRate, double notReadyRate, double utilisation) { }
}

package org.callcentre.ivr.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.SurgeLevel;
import org.callcentre.ivr.SurgeLevelChanged;
import org.callcentre.ivr.floor.FloorEvent.AgentCompleted;
import org.callcentre.ivr.floor.FloorEvent.AgentConnected;
import org.callcentre.ivr.floor.FloorEvent.CallerAbandoned;
import org.callcentre.ivr.floor.FloorEvent.CallerJoined;
import org.callcentre.ivr.floor.FloorEvent.CallerLeft;
import org.callcentre.ivr.floor.FloorEvent.MemberState;
import org.callcentre.ivr.queue.QueueCatalog;
import org.junit.jupiter.api.Test;

class FloorModelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final FloorModel floor = new FloorModel(clock, new IvrProperties.Floor(
            ZoneOffset.UTC, List.of("agent1", "agent2"), List.of(
                    new IvrProperties.SurgeThreshold(SurgeLevel.LEVEL_1, 2, Duration.ofSeconds(60)),
                    new IvrProperties.SurgeThreshold(SurgeLevel.LEVEL_2, 3, Duration.ofSeconds(120))),
            Duration.ofMinutes(15)), new QueueCatalog(List.of(IvrProperties.Queue.named("support"))));

    @Test
    void callAnsweredWithinThresholdCountsTowardsServiceLevelAndSpeedOfAnswer() {
        loggedIn("agent1");
        floor.apply(new CallerJoined("support", "c1", 0));
        clock.advance(Duration.ofSeconds(10));
        floor.apply(new AgentConnected("support", "c1", "agent1", Duration.ofSeconds(10), Duration.ofSeconds(2)));
        floor.apply(new CallerLeft("support", "c1"));
        floor.apply(new CallerJoined("support", "c2", 0));
        clock.advance(Duration.ofSeconds(40));
        floor.apply(new AgentConnected("support", "c2", "agent1", Duration.ofSeconds(40), Duration.ofSeconds(4)));

        FloorSnapshot.QueueFigures q = queue("support");
        assertThat(q.offered()).isEqualTo(2);
        assertThat(q.answered()).isEqualTo(2);
        assertThat(q.waiting()).isZero();
        assertThat(q.serviceLevel()).isEqualTo(0.5);
        assertThat(q.averageSpeedOfAnswerSeconds()).isEqualTo(25.0);
        assertThat(floor.snapshot().rates().averageRingSeconds()).isEqualTo(3.0);
        assertThat(agent("agent1").status()).isEqualTo(AgentStatus.ON_CALL);
    }

    @Test
    void abandonedCallerCountsInTheAbandonRateAndLeavesTheQueue() {
        floor.apply(new CallerJoined("support", "c1", 0));
        floor.apply(new CallerJoined("support", "c2", 0));
        floor.apply(new CallerAbandoned("support", "c1", Duration.ofSeconds(30)));
        floor.apply(new AgentConnected("support", "c2", "agent1", Duration.ofSeconds(5), Duration.ZERO));

        FloorSnapshot.QueueFigures q = queue("support");
        assertThat(q.abandoned()).isEqualTo(1);
        assertThat(q.abandonRate()).isEqualTo(0.5);
        assertThat(q.waiting()).isZero();
    }

    @Test
    void longestWaitGrowsWithTimeWhileCallersWait() {
        floor.apply(new CallerJoined("support", "c1", 0));
        clock.advance(Duration.ofSeconds(45));
        floor.apply(new CallerJoined("support", "c2", 0));

        assertThat(queue("support").waiting()).isEqualTo(2);
        assertThat(queue("support").longestWaitSeconds()).isEqualTo(45);
    }

    @Test
    void eachQueueCountsItsServiceLevelAgainstItsOwnConfiguredThreshold() {
        IvrProperties.Queue support = IvrProperties.Queue.named("support");
        IvrProperties.Queue complaints = new IvrProperties.Queue("complaints", IvrProperties.QueueStrategy.RINGALL,
                Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(1), 0, 2,
                Duration.ZERO, false, false, Duration.ofMinutes(3));
        FloorModel twoQueues = new FloorModel(clock, new IvrProperties.Floor(ZoneOffset.UTC, List.of(), List.of(),
                Duration.ofMinutes(15)), new QueueCatalog(List.of(support, complaints)));

        twoQueues.apply(new AgentConnected("support", "c1", "agent1", Duration.ofSeconds(40), Duration.ZERO));
        twoQueues.apply(new AgentConnected("complaints", "c2", "agent2", Duration.ofSeconds(40), Duration.ZERO));

        FloorSnapshot.QueueFigures s = twoQueues.snapshot().queues().get(1);
        FloorSnapshot.QueueFigures c = twoQueues.snapshot().queues().get(0);
        assertThat(List.of(c.queue(), s.queue())).containsExactly("complaints", "support");
        assertThat(s.serviceLevelThresholdSeconds()).isEqualTo(15);
        assertThat(s.serviceLevel()).isZero();
        assertThat(c.serviceLevelThresholdSeconds()).isEqualTo(60);
        assertThat(c.serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void configuredQueuesAreOnTheFloorBeforeAnyCall() {
        assertThat(floor.snapshot().queues()).extracting(FloorSnapshot.QueueFigures::queue).containsExactly("support");
        assertThat(queue("support").offered()).isZero();
    }

    @Test
    void wrapUpFollowsACompletedCallAndEndsByItself() {
        loggedIn("agent1");
        floor.apply(new AgentConnected("support", "c1", "agent1", Duration.ZERO, Duration.ZERO));
        clock.advance(Duration.ofSeconds(60));
        floor.apply(new AgentCompleted("support", "agent1", Duration.ofSeconds(60), 10));
        assertThat(agent("agent1").status()).isEqualTo(AgentStatus.WRAP_UP);
        // app_queue reports the device idle during wrap-up: still wrapping up
        floor.apply(new MemberState("support", "agent1", false, "", false, 1));
        assertThat(agent("agent1").status()).isEqualTo(AgentStatus.WRAP_UP);

        clock.advance(Duration.ofSeconds(11));
        floor.tick();

        assertThat(agent("agent1").status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(agent("agent1").callsHandled()).isEqualTo(1);
        assertThat(queue("support").averageHandleTimeSeconds()).isEqualTo(60.0);
    }

    @Test
    void pausedAgentShowsReasonTimeInStateAndCountsAsNotReady() {
        loggedIn("agent1");
        clock.advance(Duration.ofSeconds(30));
        floor.apply(new MemberState("support", "agent1", true, "BREAK", false, 1));
        clock.advance(Duration.ofSeconds(90));
        floor.tick();

        FloorSnapshot.AgentView a = agent("agent1");
        assertThat(a.status()).isEqualTo(AgentStatus.PAUSED);
        assertThat(a.pausedReason()).isEqualTo("BREAK");
        assertThat(a.secondsInState()).isEqualTo(90);
        assertThat(floor.snapshot().rates().notReadyRate()).isCloseTo(0.75, within(0.001));
    }

    @Test
    void utilisationIsTalkAndWrapUpOverLoggedInTimeAndLoginRateUsesTheRoster() {
        loggedIn("agent1");
        clock.advance(Duration.ofSeconds(60));
        floor.apply(new AgentConnected("support", "c1", "agent1", Duration.ZERO, Duration.ZERO));
        clock.advance(Duration.ofSeconds(60));
        floor.apply(new AgentCompleted("support", "agent1", Duration.ofSeconds(60), 0));
        floor.tick();

        assertThat(floor.snapshot().rates().utilisation()).isCloseTo(0.5, within(0.001));
        assertThat(floor.snapshot().rates().loginRate()).isEqualTo(0.5); // agent2 of the roster is absent
    }

    @Test
    void resyncAfterReconnectReplacesWhatWasMissedDuringTheOutage() {
        loggedIn("agent1");
        loggedIn("agent2");
        floor.apply(new CallerJoined("support", "gone-while-down", 0));

        floor.apply(new FloorEvent.Resync(
                List.of(new MemberState("support", "agent2", true, "TRAINING", false, 1)),
                List.of(new FloorEvent.Resync.Waiting("support", "c9", Duration.ofSeconds(20)))));

        assertThat(agent("agent1").status()).isEqualTo(AgentStatus.LOGGED_OUT);
        assertThat(agent("agent2").status()).isEqualTo(AgentStatus.PAUSED);
        assertThat(queue("support").waiting()).isEqualTo(1);
        assertThat(queue("support").longestWaitSeconds()).isEqualTo(20);
    }

    @Test
    void surgeLevelRisesWithWaitingCallersAndIsReportedOncePerChange() {
        assertThat(floor.apply(new CallerJoined("support", "c1", 0))).isEmpty();
        SurgeLevelChanged up = floor.apply(new CallerJoined("support", "c2", 0)).orElseThrow();
        assertThat(up.from()).isEqualTo(SurgeLevel.NONE);
        assertThat(up.to()).isEqualTo(SurgeLevel.LEVEL_1);
        assertThat(floor.tick()).isEmpty();

        clock.advance(Duration.ofSeconds(121)); // the longest wait alone reaches level 2
        assertThat(floor.tick()).map(SurgeLevelChanged::to).contains(SurgeLevel.LEVEL_2);
        assertThat(floor.snapshot().surge().offersCallback()).isTrue();

        floor.apply(new CallerLeft("support", "c1"));
        floor.apply(new CallerLeft("support", "c2"));
        assertThat(floor.snapshot().surge()).isEqualTo(SurgeLevel.NONE);
    }

    @Test
    void countersStartAgainAtMidnightButStatesCarryOver() {
        loggedIn("agent1");
        floor.apply(new CallerJoined("support", "c1", 0));
        floor.apply(new CallerAbandoned("support", "c1", Duration.ofSeconds(3)));
        clock.advance(Duration.ofHours(15)); // past midnight UTC
        floor.tick();

        assertThat(queue("support").abandoned()).isZero();
        assertThat(agent("agent1").status()).isEqualTo(AgentStatus.AVAILABLE);
    }

    private void loggedIn(String agent) {
        floor.apply(new MemberState("support", agent, false, "", false, 1));
    }

    private FloorSnapshot.QueueFigures queue(String name) {
        return floor.snapshot().queues().stream().filter(q -> q.queue().equals(name)).findFirst().orElseThrow();
    }

    private FloorSnapshot.AgentView agent(String name) {
        return floor.snapshot().agents().stream().filter(a -> a.agent().equals(name)).findFirst().orElseThrow();
    }
}

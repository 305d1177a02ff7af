package org.callcentre.ivr.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.callcentre.ivr.CallOutcome;
import org.junit.jupiter.api.Test;

/** Which agent answered is known from AMI even when the IVR session never hears it back. */
class LiveJourneysTest {

    private final LiveJourneys live = new LiveJourneys();
    private final JourneyTracker journey = new JourneyTracker(Clock.systemUTC(), "1700000000.1", "0123");

    @Test
    void aSessionCutMidConversationKeepsTheAgentAmiSawAnswer() {
        live.begin("1700000000.1", journey);
        journey.joinedQueue("support");

        live.onAmiEvent(agentConnect("1700000000.1", "agent1", 7));
        journey.callerHungUp(); // Asterisk died: the AGI socket closed before Queue() returned
        live.end("1700000000.1");

        CallJourney stored = journey.finish();
        assertThat(stored.agent()).isEqualTo("agent1");
        assertThat(stored.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(stored.queueWait()).isEqualTo(Duration.ofSeconds(7));
        assertThat(live.live()).isZero();
    }

    @Test
    void whatTheSessionLearntFromTheQueueWins() {
        live.begin("1700000000.1", journey);
        live.onAmiEvent(agentConnect("1700000000.1", "agent2", 3));
        journey.answeredBy("agent1", Duration.ofSeconds(4));

        assertThat(journey.finish().agent()).isEqualTo("agent1");
    }

    @Test
    void anotherChannelsAnswerDoesNotTouchThisJourney() {
        live.begin("1700000000.1", journey);
        journey.joinedQueue("support");

        live.onAmiEvent(agentConnect("1700000000.9", "agent1", 7));
        journey.callerHungUp();

        assertThat(journey.finish().outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
        assertThat(journey.finish().agent()).isNull();
    }

    private static AgentConnectEvent agentConnect(String callerUniqueId, String member, int holdSeconds) {
        AgentConnectEvent e = new AgentConnectEvent(new Object());
        e.setUniqueId(callerUniqueId);
        e.setMemberName(member);
        e.setHoldTime((long) holdSeconds);
        return e;
    }
}

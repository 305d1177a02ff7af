package org.callcentre.ivr.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.junit.jupiter.api.Test;

class AmiEventTranslationTest {

    private static final Object SOURCE = new Object();

    @Test
    void callerJoiningAQueueIsKeyedByTheChannelsUniqueid() {
        QueueCallerJoinEvent e = new QueueCallerJoinEvent(SOURCE);
        e.setQueue("support");
        e.setUniqueId("1700000000.7");

        assertThat(AmiEventTranslation.translate(e, q -> 0))
                .contains(new FloorEvent.CallerJoined("support", "1700000000.7", 0));
    }

    @Test
    void agentConnectCarriesHoldAndRingTimesInSeconds() {
        AgentConnectEvent e = new AgentConnectEvent(SOURCE);
        e.setQueue("support");
        e.setUniqueId("1700000000.7");
        e.setMemberName("agent1");
        e.setHoldTime(12L);
        e.setRingtime(3L);

        assertThat(AmiEventTranslation.translate(e, q -> 0)).contains(new FloorEvent.AgentConnected("support",
                "1700000000.7", "agent1", Duration.ofSeconds(12), Duration.ofSeconds(3)));
    }

    @Test
    void agentCompleteTakesTheQueuesConfiguredWrapUp() {
        AgentCompleteEvent e = new AgentCompleteEvent(SOURCE);
        e.setQueue("support");
        e.setMemberName("agent1");
        e.setTalkTime(95L);

        assertThat(AmiEventTranslation.translate(e, q -> q.equals("support") ? 7 : 0))
                .contains(new FloorEvent.AgentCompleted("support", "agent1", Duration.ofSeconds(95), 7));
    }

    @Test
    void memberStatusWithMissingFieldsReadsAsIdleAndUnpaused() {
        QueueMemberStatusEvent e = new QueueMemberStatusEvent(SOURCE);
        e.setQueue("support");
        e.setMemberName("agent2");

        assertThat(AmiEventTranslation.translate(e, q -> 0))
                .contains(new FloorEvent.MemberState("support", "agent2", false, "", false, 0));
    }

    @Test
    void eventsThatDoNotConcernTheFloorAreIgnored() {
        assertThat(AmiEventTranslation.translate(new NewChannelEvent(SOURCE), q -> 0)).isEmpty();
    }
}

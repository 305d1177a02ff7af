package org.callcentre.ivr.floor;

import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;

/**
 * Asterisk-Java's queue events to {@link FloorEvent}s. Events that do not concern the floor map
 * to empty. Fields Asterisk leaves out arrive as null and read as zero or blank.
 */
final class AmiEventTranslation {

    private AmiEventTranslation() {
    }

    static Optional<FloorEvent> translate(ManagerEvent event, IntLookup wrapUpOfQueue) {
        return Optional.ofNullable(switch (event) {
            case QueueCallerJoinEvent e -> new FloorEvent.CallerJoined(e.getQueue(), e.getUniqueId(), 0);
            case QueueCallerAbandonEvent e -> new FloorEvent.CallerAbandoned(e.getQueue(), e.getUniqueId(),
                    Duration.ofSeconds(orZero(e.getHoldTime())));
            case QueueCallerLeaveEvent e -> new FloorEvent.CallerLeft(e.getQueue(), e.getUniqueId());
            case AgentCalledEvent e -> new FloorEvent.AgentRinging(e.getQueue(), e.getMemberName());
            case AgentRingNoAnswerEvent e -> new FloorEvent.AgentNoAnswer(e.getQueue(), e.getMemberName(),
                    Duration.ofMillis(orZero(e.getRingtime())));
            case AgentConnectEvent e -> new FloorEvent.AgentConnected(e.getQueue(), e.getUniqueId(),
                    e.getMemberName(), Duration.ofSeconds(orZero(e.getHoldTime())),
                    Duration.ofSeconds(orZero(e.getRingtime())));
            case AgentCompleteEvent e -> new FloorEvent.AgentCompleted(e.getQueue(), e.getMemberName(),
                    Duration.ofSeconds(orZero(e.getTalkTime())), wrapUpOfQueue.of(e.getQueue()));
            case QueueMemberRemovedEvent e -> new FloorEvent.MemberRemoved(e.getQueue(), e.getMemberName());
            case QueueMemberAddedEvent e -> new FloorEvent.MemberState(e.getQueue(), e.getMemberName(),
                    Boolean.TRUE.equals(e.getPaused()), "", false, orZero(e.getStatus()));
            case QueueMemberPauseEvent e -> new FloorEvent.MemberState(e.getQueue(), e.getMemberName(),
                    Boolean.TRUE.equals(e.getPaused()), blank(e.getPausedreason()),
                    orZero(e.getIncall()) == 1, orZero(e.getStatus()));
            case QueueMemberEvent e -> member(e); // QueueMemberStatus, and QueueStatus's member list
            default -> null;
        });
    }

    static FloorEvent.MemberState member(QueueMemberEvent e) {
        String agent = e.getMemberName() != null ? e.getMemberName() : e.getName();
        return new FloorEvent.MemberState(e.getQueue(), agent, Boolean.TRUE.equals(e.getPaused()),
                blank(e.getPausedreason()), orZero(e.getIncall()) == 1, orZero(e.getStatus()));
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    /** The configured wrap-up seconds of a queue (AgentComplete does not carry it). */
    @FunctionalInterface
    interface IntLookup {
        int of(String queue);
    }
}

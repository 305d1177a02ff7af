package org.callcentre.ivr.floor;

import java.time.Duration;
import java.util.List;

/**
 * What happened on the floor, in our words: translated from AMI events by {@link AmiFloorFeed}
 * so that {@link FloorModel} knows nothing of Asterisk-Java. Agents are keyed by member name
 * (the agent id), queues by name, callers by channel uniqueid.
 */
sealed interface FloorEvent {

    record CallerJoined(String queue, String callerId, int priority) implements FloorEvent { }

    record CallerLeft(String queue, String callerId) implements FloorEvent { }

    record CallerAbandoned(String queue, String callerId, Duration held) implements FloorEvent { }

    record AgentRinging(String queue, String agent) implements FloorEvent { }

    record AgentNoAnswer(String queue, String agent, Duration rang) implements FloorEvent { }

    record AgentConnected(String queue, String callerId, String agent, Duration held, Duration rang) implements FloorEvent { }

    record AgentCompleted(String queue, String agent, Duration talked, int wrapUpSeconds) implements FloorEvent { }

    /** A member's state as app_queue reports it (QueueMemberStatus, QueueMember, QueueMemberAdded). */
    record MemberState(String queue, String agent, boolean paused, String pausedReason, boolean inCall,
            int deviceStatus) implements FloorEvent { }

    record MemberRemoved(String queue, String agent) implements FloorEvent { }

    /** The whole picture from QueueStatus, after a (re)connect: replaces what we knew. */
    record Resync(List<MemberState> members, List<Waiting> waiting) implements FloorEvent {
        record Waiting(String queue, String callerId, Duration waited) { }
    }
}

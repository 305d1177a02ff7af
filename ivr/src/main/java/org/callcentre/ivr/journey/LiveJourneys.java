package org.callcentre.ivr.journey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.callcentre.ivr.ami.AmiConnection;

/**
 * The journeys of the calls whose IVR sessions are running, by the caller channel's unique id,
 * told over AMI which agent answered as it happens. The IVR session learns it too, but only when
 * the queue returns after the conversation: if Asterisk dies mid-conversation that never comes,
 * and without this the journey would lose its agent.
 */
public final class LiveJourneys {

    private final Map<String, JourneyTracker> byChannel = new ConcurrentHashMap<>();

    /** Listens for agents answering on the AMI connection. */
    public void listenTo(AmiConnection ami) {
        ami.onEvent(this::onAmiEvent);
    }

    public void begin(String channelUniqueId, JourneyTracker journey) {
        if (channelUniqueId != null) {
            byChannel.put(channelUniqueId, journey);
        }
    }

    public void end(String channelUniqueId) {
        if (channelUniqueId != null) {
            byChannel.remove(channelUniqueId);
        }
    }

    /** Runs on Asterisk-Java's dispatch thread: a map lookup and two volatile writes. */
    void onAmiEvent(ManagerEvent event) {
        if (event instanceof AgentConnectEvent e && e.getUniqueId() != null && e.getMemberName() != null) {
            JourneyTracker journey = byChannel.get(e.getUniqueId());
            if (journey != null) {
                journey.agentConnected(e.getMemberName(),
                        Duration.ofSeconds(e.getHoldTime() == null ? 0 : e.getHoldTime()));
            }
        }
    }

    int live() {
        return byChannel.size();
    }
}

package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.callcentre.ivr.SurgeLevel;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.journey.JourneyTracker;

/**
 * {@code kind: queue}: starts the call's recording (MixMonitor, only while bridged to an agent),
 * passes the required skill as the channel variable {@code CALLCENTRE_SKILL} and joins the queue
 * at the node's priority. A queue that gives up leads to {@code unanswered} if the flow has one.
 * At surge level 2 and above the caller is sent to {@code unanswered} (the callback offer) before
 * queueing, once per call; declining the offer brings them back here.
 */
final class QueueHandler implements NodeHandler<Node.Queue> {

    static final String SKILL_VARIABLE = "CALLCENTRE_SKILL";

    private final IvrProperties.Recording recording;
    private final Supplier<SurgeLevel> surge;
    private final Function<String, Duration> maxWaitOfQueue;

    QueueHandler(IvrProperties.Recording recording, Supplier<SurgeLevel> surge,
            Function<String, Duration> maxWaitOfQueue) {
        this.recording = recording;
        this.surge = surge;
        this.maxWaitOfQueue = maxWaitOfQueue;
    }

    @Override
    public Class<Node.Queue> kind() {
        return Node.Queue.class;
    }

    @Override
    public String handle(Node.Queue node, CallSession session) throws CallerHungUp {
        CallChannel call = session.channel();
        JourneyTracker journey = session.journey();
        SurgeLevel level = surge.get();
        if (level.offersCallback() && node.unanswered() != null && session.offerCallbackForSurge(node.id())) {
            journey.note("surge", level.name()); // DOMAIN.md: at level 2 and above, offer a callback first
            return node.unanswered().take(session);
        }
        if (node.prompt() != null) {
            session.play(node.prompt());
        }
        session.leavingIvr();
        if (recording.enabled()) {
            String fileName = recording.conversationFile(journey.callId());
            call.startRecording(fileName);
            journey.recording(fileName);
        }
        if (node.skill() != null) {
            call.setVariable(SKILL_VARIABLE, node.skill());
            journey.note("skill", node.skill());
        }
        journey.note("priority", Integer.toString(node.priority()));
        journey.joinedQueue(node.queue());
        CallChannel.QueueResult result = call.queue(node.queue(), node.priority(),
                node.maxWait() != null ? node.maxWait() : maxWaitOfQueue.apply(node.queue()),
                recording.enabled() ? recording.agentPreDial() : null);
        Duration waited = result.waited().orElse(null);
        if (result.answered()) {
            journey.answeredBy(result.agent().orElseThrow(), waited);
            return null;
        }
        journey.leftQueueUnanswered(result.queueStatus(), waited);
        return node.unanswered() == null ? null : node.unanswered().take(session);
    }
}

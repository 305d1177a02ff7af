package org.callcentre.ivr.flow;

import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.journey.JourneyTracker;

/**
 * Runs a flow for one call: an explicit state machine whose state is the current node. Each
 * step enters the node on the journey, lets the node's handler talk to the caller, and moves to
 * the node it returns, until a handler ends the flow. When configured, the IVR part of the call
 * is recorded from the answer on (see {@link CallSession#leavingIvr()} for where it ends).
 * Stateless and shared by all calls.
 */
final class FlowEngine {

    private final NodeHandlers handlers;
    private final int maxSteps;
    private final IvrProperties.Recording recording;

    FlowEngine(NodeHandlers handlers, int maxSteps, IvrProperties.Recording recording) {
        this.handlers = handlers;
        this.maxSteps = maxSteps;
        this.recording = recording;
    }

    /**
     * Runs {@code flow} to its end; returns normally or by {@link CallerHungUp}. The definition is
     * the one current when the call started: a reload does not change a call under way.
     */
    void run(FlowDefinition flow, CallChannel call, JourneyTracker journey) throws CallerHungUp {
        call.answer();
        journey.note("flow", flow.name());
        CallSession session = new CallSession(call, journey, Language.ENGLISH);
        if (recording.recordsIvrPart()) {
            session.recordIvrPart(recording.ivrPartFile(journey.callId()));
        }
        String next = flow.start();
        int steps = 0;
        while (next != null) {
            if (++steps > maxSteps) {
                // A flow that loops (or a caller flooding a menu) must not hold a line forever.
                journey.note("step-limit", Integer.toString(maxSteps));
                return;
            }
            Node node = flow.node(next);
            journey.enter(node.id());
            next = handlers.handle(node, session);
        }
    }
}

package org.callcentre.ivr.flow;

import java.time.Clock;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callcentre.ivr.journey.CallJourneys;
import org.callcentre.ivr.journey.JourneyTracker;
import org.callcentre.ivr.journey.LiveJourneys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The FastAGI script {@code agi://host:port/ivr}: runs a flow for one call (the default flow, or
 * the one named by {@code ?flow=name}) and stores its journey whatever happens. One instance
 * serves all calls, so it keeps no call state.
 */
public final class HotlineScript implements AgiScript {

    private static final Logger log = LoggerFactory.getLogger(HotlineScript.class);

    private final FlowEngine engine;
    private final FlowCatalog catalog;
    private final CallJourneys journeys;
    private final LiveJourneys live;
    private final Clock clock;
    private final String promptDir;
    private final String recordingDir;

    HotlineScript(FlowEngine engine, FlowCatalog catalog, CallJourneys journeys, LiveJourneys live, Clock clock,
            String promptDir, String recordingDir) {
        this.engine = engine;
        this.catalog = catalog;
        this.journeys = journeys;
        this.live = live;
        this.clock = clock;
        this.promptDir = promptDir;
        this.recordingDir = recordingDir;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        AgiCallChannel call = new AgiCallChannel(request, channel, promptDir, recordingDir);
        JourneyTracker journey = new JourneyTracker(clock, call.callId(), call.callerId());
        MDC.put("callId", journey.callId());
        live.begin(request.getUniqueId(), journey);
        try {
            engine.run(flow(request.getParameter("flow")), call, journey);
            journey.endedByIvr("flow complete");
        } catch (CallerHungUp hungUp) {
            journey.callerHungUp();
            log.info("Caller hung up at {}", journey.finish().lastNode());
        } catch (ChannelFailure e) {
            journey.endedByIvr("channel failure: " + e.getMessage());
            log.warn("AGI session failed: {}", e.getMessage());
        } finally {
            live.end(request.getUniqueId());
            try {
                journeys.record(journey.finish());
            } finally {
                MDC.remove("callId");
            }
        }
    }

    private FlowDefinition flow(String requested) {
        if (requested != null && !requested.isBlank()) {
            var flow = catalog.flow(requested);
            if (flow.isPresent()) {
                return flow.get();
            }
            // The name comes off the wire: log only a bounded, printable form of it.
            String printable = requested.replaceAll("[^A-Za-z0-9_-]", "?");
            log.warn("No flow named '{}'; running the default flow",
                    printable.substring(0, Math.min(printable.length(), 64)));
        }
        return catalog.defaultFlow();
    }
}

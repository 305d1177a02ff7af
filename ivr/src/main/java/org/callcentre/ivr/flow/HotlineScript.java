package org.callcentre.ivr.flow;

import java.time.Clock;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callcentre.ivr.journey.CallJourneys;
import org.callcentre.ivr.journey.JourneyTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The FastAGI script {@code agi://host:port/ivr}: runs {@link HotlineFlow} for one call and
 * stores its journey whatever happens. One instance serves all calls, so it keeps no call state.
 */
public final class HotlineScript implements AgiScript {

    private static final Logger log = LoggerFactory.getLogger(HotlineScript.class);

    private final HotlineFlow flow;
    private final CallJourneys journeys;
    private final Clock clock;
    private final String promptDir;
    private final String recordingDir;

    public HotlineScript(HotlineFlow flow, CallJourneys journeys, Clock clock, String promptDir,
            String recordingDir) {
        this.flow = flow;
        this.journeys = journeys;
        this.clock = clock;
        this.promptDir = promptDir;
        this.recordingDir = recordingDir;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        AgiCallChannel call = new AgiCallChannel(request, channel, promptDir + "/en", recordingDir);
        JourneyTracker journey = new JourneyTracker(clock, call.callId(), call.callerId());
        MDC.put("callId", journey.callId());
        try {
            flow.run(call, journey);
            journey.endedByIvr("flow complete");
        } catch (CallerHungUp hungUp) {
            journey.callerHungUp();
            log.info("Caller hung up at {}", journey.finish().lastNode());
        } catch (ChannelFailure e) {
            journey.endedByIvr("channel failure: " + e.getMessage());
            log.warn("AGI session failed: {}", e.getMessage());
        } finally {
            try {
                journeys.record(journey.finish());
            } finally {
                MDC.remove("callId");
            }
        }
    }
}

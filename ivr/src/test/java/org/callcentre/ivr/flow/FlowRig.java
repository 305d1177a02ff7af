package org.callcentre.ivr.flow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.SurgeLevel;
import org.callcentre.ivr.flow.callback.CallbackRequest;
import org.callcentre.ivr.flow.lookup.FakeOrderSystem;
import org.callcentre.ivr.journey.CallJourney;
import org.callcentre.ivr.journey.JourneyTracker;
import org.callcentre.ivr.queue.QueueCatalog;

/**
 * The flow engine as the server wires it, with a scripted caller, an order system in memory,
 * callback requests kept in a list and a clock the test sets. Runs a call the way
 * {@link HotlineScript} does and returns its journey.
 */
final class FlowRig {

    /** Monday 23 November 2026, 10:00 in Shanghai: the hotline is open. */
    static final Instant OPEN = Instant.parse("2026-11-23T02:00:00Z");
    /** The same Monday at 20:00 in Shanghai: closed. */
    static final Instant EVENING = Instant.parse("2026-11-23T12:00:00Z");
    /** National Day, a holiday, at 10:00 in Shanghai (a Thursday). */
    static final Instant NATIONAL_DAY = Instant.parse("2026-10-01T02:00:00Z");

    final FakeOrderSystem orders = new FakeOrderSystem();
    final List<CallbackRequest> callbacks = new ArrayList<>();
    private Instant now = OPEN;
    private SurgeLevel surge = SurgeLevel.NONE;
    private boolean recordIvrPart;
    private QueueCatalog queues = new QueueCatalog(List.of(IvrProperties.Queue.named("support")));

    FlowRig with(IvrProperties.Queue... configured) {
        queues = new QueueCatalog(List.of(configured));
        return this;
    }

    FlowRig during(SurgeLevel level) {
        surge = level;
        return this;
    }

    /** The hotline records the IVR part of calls too ({@code callcentre.ivr.recording.ivr-part}). */
    FlowRig recordingIvrParts() {
        recordIvrPart = true;
        return this;
    }

    FlowRig at(Instant instant) {
        now = instant;
        return this;
    }

    static IvrProperties.BusinessHours shanghaiOfficeHours() {
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekly.put(day, "09:00-18:00");
        }
        weekly.put(DayOfWeek.SATURDAY, "10:00-16:00");
        return new IvrProperties.BusinessHours(ZoneId.of("Asia/Shanghai"), weekly,
                List.of(LocalDate.of(2026, 10, 1)));
    }

    static FlowDefinition hotline() {
        FlowCatalog catalog = new FlowCatalog(null, "hotline");
        catalog.load();
        return catalog.defaultFlow();
    }

    static FlowDefinition parse(String yaml) {
        return new FlowParser().parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    CallJourney run(FlowDefinition flow, ScriptedCallChannel caller) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        IvrProperties.Recording recording = new IvrProperties.Recording(true, "/var/spool/asterisk/monitor", "wav16",
                "recording-pause-agent^s^1", recordIvrPart);
        NodeHandlers handlers = FlowConfiguration.handlers(recording,
                new BusinessCalendar(clock, shanghaiOfficeHours()), orders, callbacks::add, clock, () -> surge,
                queues::maxWait);
        JourneyTracker journey = new JourneyTracker(clock, caller.callId(), caller.callerId());
        try {
            new FlowEngine(handlers, 200, recording).run(flow, caller, journey);
            journey.endedByIvr("flow complete");
        } catch (CallerHungUp e) {
            journey.callerHungUp();
        }
        return journey.finish();
    }
}

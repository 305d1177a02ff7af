package org.callcentre.ivr.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts AMI events Asterisk-Java has no class for in {@code callcentre.ami.events.unknown{event=...}}
 * and logs the first of each name with its attributes, so an operator sees what a newer Asterisk
 * sends that nothing here understands yet. Event names come from Asterisk, so the tag's values are
 * capped; names beyond the cap count as "other". Thread-safe.
 */
final class UnknownEventCounter {

    static final String METER = "callcentre.ami.events.unknown";
    /** Asterisk 22 has a few hundred event types; a flood of invented names must not grow the registry. */
    private static final int MAX_NAMES = 200;

    private static final Logger log = LoggerFactory.getLogger(UnknownEventCounter.class);

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    UnknownEventCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(UnknownAmiEvent event) {
        String name = event.getEventName();
        Counter counter = counters.get(name);
        if (counter == null) {
            String tag = counters.size() < MAX_NAMES ? name : "other";
            counter = counters.computeIfAbsent(tag, t -> {
                log.info("AMI event '{}' has no Asterisk-Java class; delivered as UnknownAmiEvent: {}", t,
                        event.getAttributes());
                return Counter.builder(METER).tag("event", t)
                        .description("AMI events Asterisk-Java has no class for, delivered generically")
                        .register(meters);
            });
        }
        counter.increment();
    }
}

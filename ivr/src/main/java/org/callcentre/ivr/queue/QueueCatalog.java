package org.callcentre.ivr.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.callcentre.ivr.IvrProperties;

/**
 * The configured queues, checked as a whole: the one source of truth for Asterisk's queues.conf
 * ({@link QueuesConf}) and for the floor's per-queue figures. Immutable and thread-safe.
 */
public final class QueueCatalog {

    /** What app_queue and the dialplan accept as a queue name without quoting. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Duration DEFAULT_SERVICE_LEVEL = IvrProperties.Queue.named("default").serviceLevel();

    private final Map<String, IvrProperties.Queue> queues = new LinkedHashMap<>();

    /** @throws InvalidQueueConfiguration naming the first queue whose settings Asterisk would not take */
    public QueueCatalog(List<IvrProperties.Queue> configured) {
        if (configured == null || configured.isEmpty()) {
            throw new InvalidQueueConfiguration("no queue is configured (callcentre.ivr.queues)");
        }
        for (IvrProperties.Queue q : configured) {
            check(q);
            if (queues.putIfAbsent(q.name(), q) != null) {
                throw new InvalidQueueConfiguration("queue '" + q.name() + "' is configured twice");
            }
        }
    }

    private static void check(IvrProperties.Queue q) {
        if (q.name() == null || !NAME.matcher(q.name()).matches() || q.name().equalsIgnoreCase("general")) {
            throw new InvalidQueueConfiguration("queue name '" + q.name()
                    + "' is not usable: letters, digits, '-' and '_' only (at most 64), and not 'general'");
        }
        if (q.strategy() == null) {
            throw new InvalidQueueConfiguration("queue '" + q.name() + "': strategy is missing");
        }
        wholeSeconds(q, "wrap-up", q.wrapUp(), 0);
        wholeSeconds(q, "service-level", q.serviceLevel(), 1);
        wholeSeconds(q, "ring-timeout", q.ringTimeout(), 1);
        wholeSeconds(q, "retry", q.retry(), 0);
        wholeSeconds(q, "announce-frequency", q.announceFrequency(), 0);
        wholeSeconds(q, "max-wait", q.maxWait(), 1);
        if (q.maxCallers() < 0) {
            throw new InvalidQueueConfiguration("queue '" + q.name() + "': max-callers " + q.maxCallers()
                    + " is negative (0 means unlimited)");
        }
        if (q.weight() < 0) {
            throw new InvalidQueueConfiguration("queue '" + q.name() + "': weight " + q.weight() + " is negative");
        }
    }

    private static void wholeSeconds(IvrProperties.Queue q, String setting, Duration value, long minSeconds) {
        if (value == null) {
            throw new InvalidQueueConfiguration("queue '" + q.name() + "': " + setting + " is missing");
        }
        if (value.isNegative() || value.toNanos() % 1_000_000_000L != 0 || value.toSeconds() < minSeconds) {
            throw new InvalidQueueConfiguration("queue '" + q.name() + "': " + setting + " " + value
                    + " must be whole seconds, at least " + minSeconds + " s (Asterisk counts in seconds)");
        }
    }

    public List<IvrProperties.Queue> all() {
        return List.copyOf(queues.values());
    }

    public Set<String> names() {
        return Set.copyOf(queues.keySet());
    }

    /** The queue's service-level threshold; a queue not configured (should Asterisk have one) gets the default. */
    public Duration serviceLevel(String queue) {
        IvrProperties.Queue q = queues.get(queue);
        return q == null ? DEFAULT_SERVICE_LEVEL : q.serviceLevel();
    }

    /** How long a caller waits in the queue before it gives up; the default for a queue not configured. */
    public Duration maxWait(String queue) {
        IvrProperties.Queue q = queues.get(queue);
        return q == null ? IvrProperties.Queue.named(queue).maxWait() : q.maxWait();
    }

    /** The queue's wrap-up in seconds, as app_queue applies it; 0 for a queue not configured. */
    public int wrapUpSeconds(String queue) {
        IvrProperties.Queue q = queues.get(queue);
        return q == null ? 0 : Math.toIntExact(q.wrapUp().toSeconds());
    }

    /**
     * What differs between the configuration and the queues an Asterisk box runs (AMI QueueParams),
     * e.g. a box that still has an old queues.conf; empty when they agree.
     */
    public List<String> differencesFrom(Collection<LiveQueue> live) {
        List<String> differences = new ArrayList<>();
        Map<String, LiveQueue> byName = new TreeMap<>();
        live.forEach(q -> byName.put(q.name(), q));
        for (IvrProperties.Queue q : queues.values()) {
            LiveQueue l = byName.remove(q.name());
            if (l == null) {
                differences.add("queue '" + q.name() + "' is configured but Asterisk has no such queue");
                continue;
            }
            differ(differences, q.name(), "strategy", q.strategy().name().toLowerCase(Locale.ROOT), l.strategy());
            differ(differences, q.name(), "service level", q.serviceLevel().toSeconds(), l.serviceLevelSeconds());
            differ(differences, q.name(), "weight", q.weight(), l.weight());
            differ(differences, q.name(), "max callers", q.maxCallers(), l.maxCallers());
        }
        byName.keySet().forEach(n -> differences.add("Asterisk has queue '" + n + "', which is not configured"));
        return differences;
    }

    private static void differ(List<String> out, String queue, String what, Object configured, Object live) {
        if (!String.valueOf(configured).equals(String.valueOf(live))) {
            out.add("queue '" + queue + "': " + what + " is " + live + " in Asterisk, " + configured + " configured");
        }
    }

    /** A queue as Asterisk reports it in AMI's QueueParams event. */
    public record LiveQueue(String name, String strategy, long serviceLevelSeconds, long weight, long maxCallers) {
    }

    /** A queue setting Asterisk would refuse or misread; the message names the queue. */
    public static final class InvalidQueueConfiguration extends IllegalArgumentException {
        public InvalidQueueConfiguration(String message) {
            super(message);
        }
    }
}

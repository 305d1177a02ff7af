package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One state of a flow, as defined in a flow file. Each kind has its own record and its own
 * {@link NodeHandler}; {@link #routes()} lists where it may lead, so a definition can be checked
 * for dangling references before any call runs it.
 */
sealed interface Node {

    String id();

    /** Every route out of this node (null-free). */
    Stream<Route> routes();

    /** Plays a prompt, then goes on (or ends the flow when {@code next} is null). */
    record Play(String id, String prompt, Route next) implements Node {
        public Stream<Route> routes() {
            return Stream.ofNullable(next);
        }
    }

    /**
     * A DTMF menu: each key leads somewhere; a key not in {@code options} plays
     * {@code invalidPrompt}, silence plays {@code noInputPrompt}; both use up an attempt, and after
     * {@code attempts} the call takes {@code fallback}. {@code repeatKey} replays the menu.
     */
    record Menu(String id, String prompt, Map<Character, Route> options, Optional<Character> repeatKey,
            Duration timeout, int attempts, String invalidPrompt, String noInputPrompt, Route fallback)
            implements Node {
        public Stream<Route> routes() {
            return Stream.concat(options.values().stream(), Stream.of(fallback));
        }
    }

    /**
     * Lets the caller choose the prompt set. Skipped when the channel variable
     * {@code presetVariable} already names a language (e.g. set by a dedicated number's dialplan).
     */
    record LanguageChoice(String id, String prompt, Map<Character, Language> options, Language defaultLanguage,
            Duration timeout, String presetVariable, Route next) implements Node {
        public Stream<Route> routes() {
            return Stream.of(next);
        }
    }

    /** Routes by the business calendar: open, closed (outside weekly hours) or a holiday. */
    record Hours(String id, Route open, Route closed, Route holiday) implements Node {
        public Stream<Route> routes() {
            return Stream.of(open, closed, holiday);
        }
    }

    /** Looks the caller up in the order system by caller id. */
    record Lookup(String id, Route found, Route notFound, Route unavailable) implements Node {
        public Stream<Route> routes() {
            return Stream.of(found, notFound, unavailable);
        }
    }

    /** Self-service: reads back the status of the caller's latest order found by a lookup. */
    record OrderStatus(String id, Route next, Route noOrder) implements Node {
        public Stream<Route> routes() {
            return Stream.of(next, noOrder);
        }
    }

    /**
     * Records the call and queues it; {@code unanswered} (optional) follows a queue that gave up.
     * {@code maxWait} null: the queue's configured max wait (callcentre.ivr.queues).
     */
    record Queue(String id, String prompt, String queue, int priority, String skill, Duration maxWait,
            Route unanswered) implements Node {
        public Stream<Route> routes() {
            return Stream.ofNullable(unanswered);
        }
    }

    /**
     * Takes a callback request: the caller's own number, confirmed, or one they key in.
     * {@code failed} (optional) follows when no usable number was given.
     */
    record Callback(String id, String prompt, String enterPrompt, String confirmedPrompt, int maxDigits,
            Duration timeout, Route next, Route failed) implements Node {
        public Stream<Route> routes() {
            return Stream.concat(Stream.ofNullable(next), Stream.ofNullable(failed));
        }
    }

    /** Plays a prompt and records a message (voicemail / after-hours message). */
    record Voicemail(String id, String prompt, Duration maxDuration, Route next) implements Node {
        public Stream<Route> routes() {
            return Stream.ofNullable(next);
        }
    }

    /** Dials an extension; {@code failed} (optional) follows when nobody answers. */
    record Transfer(String id, String prompt, String target, Duration timeout, Route failed) implements Node {
        public Stream<Route> routes() {
            return Stream.ofNullable(failed);
        }
    }

    /** Plays an optional goodbye and ends the flow. */
    record Hangup(String id, String prompt) implements Node {
        public Stream<Route> routes() {
            return Stream.empty();
        }
    }
}

package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The node kinds a flow file may use, by the name written in {@code kind:}, and how each is read. */
final class NodeKinds {

    private static final Map<String, Function<NodeReader, Node>> KINDS = Map.ofEntries(
            Map.entry("play", r -> new Node.Play(r.id(), r.prompt("prompt"), r.optionalRoute("next"))),
            Map.entry("menu", NodeKinds::menu),
            Map.entry("language", NodeKinds::language),
            Map.entry("hours", r -> {
                Route closed = r.route("closed");
                Route holiday = r.optionalRoute("holiday");
                return new Node.Hours(r.id(), r.route("open"), closed, holiday == null ? closed : holiday);
            }),
            Map.entry("lookup", r -> new Node.Lookup(r.id(), r.route("found"), r.route("not-found"),
                    r.route("unavailable"))),
            Map.entry("order-status", r -> new Node.OrderStatus(r.id(), r.route("next"), r.route("no-order"))),
            Map.entry("queue", r -> new Node.Queue(r.id(), r.optionalPrompt("prompt"), r.text("queue"),
                    r.integer("priority", 0, 0, 100), r.optionalText("skill").orElse(null),
                    r.duration("max-wait", null), r.optionalRoute("unanswered"))),
            Map.entry("callback", r -> new Node.Callback(r.id(), r.prompt("prompt"), r.prompt("enter-prompt"),
                    r.prompt("confirmed-prompt"), r.integer("max-digits", 15, 3, 20),
                    r.duration("timeout", Duration.ofSeconds(5)), r.optionalRoute("next"),
                    r.optionalRoute("failed"))),
            Map.entry("voicemail", r -> new Node.Voicemail(r.id(), r.prompt("prompt"),
                    r.duration("max-duration", Duration.ofMinutes(2)), r.optionalRoute("next"))),
            Map.entry("transfer", r -> new Node.Transfer(r.id(), r.optionalPrompt("prompt"), dialTarget(r),
                    r.duration("timeout", Duration.ofSeconds(30)), r.optionalRoute("failed"))),
            Map.entry("hangup", r -> new Node.Hangup(r.id(), r.optionalPrompt("prompt"))));

    private NodeKinds() {
    }

    static Set<String> names() {
        return KINDS.keySet();
    }

    static boolean exists(String kind) {
        return KINDS.containsKey(kind);
    }

    static Node read(String kind, NodeReader reader) {
        Node node = KINDS.get(kind).apply(reader);
        reader.rejectUnknownAttributes();
        return node;
    }

    private static Node menu(NodeReader r) {
        Map<Character, Route> options = r.keyRoutes("options");
        var repeat = r.optionalKey("repeat-key");
        if (repeat.isPresent() && options.containsKey(repeat.get())) {
            throw r.error("bad key '" + repeat.get() + "': it is both the repeat key and an option");
        }
        return new Node.Menu(r.id(), r.prompt("prompt"), options, repeat, r.duration("timeout", Duration.ofSeconds(5)),
                r.integer("attempts", 3, 1, 10), r.prompt("invalid-prompt"), r.prompt("no-input-prompt"),
                r.route("fallback"));
    }

    private static Node language(NodeReader r) {
        Map<Character, Language> options = new LinkedHashMap<>();
        r.keyMap("options").forEach((key, code) -> options.put(key, r.language("options." + key, code)));
        Language fallback = r.language("default", r.text("default"));
        return new Node.LanguageChoice(r.id(), r.prompt("prompt"), options, fallback,
                r.duration("timeout", Duration.ofSeconds(4)), r.optionalText("preset-variable").orElse(null),
                r.route("next"));
    }

    /** Dial strings reach Asterisk's Dial(): technology/resource only, no options or second target. */
    private static String dialTarget(NodeReader r) {
        String target = r.text("target");
        if (!target.matches("(PJSIP|SIP|IAX2|Local)/[A-Za-z0-9@._+-]{1,80}")) {
            throw r.error("'target' must be a dial string such as PJSIP/200 or Local/200@agents, not '"
                    + target + "'");
        }
        return target;
    }
}

package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads one node's attributes from its parsed YAML map. Every failure is a
 * {@link FlowDefinitionException} naming the file and node; attributes nobody read are rejected
 * too, so a misspelt {@code nxt:} does not silently end a call.
 */
final class NodeReader {

    /** Keys a caller can press: the digits, '*' and '#'. */
    static final String DTMF_KEYS = "0123456789*#";

    private final String file;
    private final String id;
    private final Map<?, ?> attributes;
    private final Set<String> read = new HashSet<>();

    NodeReader(String file, String id, Map<?, ?> attributes) {
        this.file = file;
        this.id = id;
        this.attributes = attributes;
        read.add("id");
        read.add("kind");
    }

    String id() {
        return id;
    }

    FlowDefinitionException error(String reason) {
        return new FlowDefinitionException(file, id, reason);
    }

    String text(String name) {
        return optionalText(name).orElseThrow(() -> error("missing '" + name + "'"));
    }

    Optional<String> optionalText(String name) {
        read.add(name);
        Object value = attributes.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof Iterable) {
            throw error("'" + name + "' must be a single value");
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            throw error("'" + name + "' is empty");
        }
        return Optional.of(text);
    }

    /** A prompt name: a file name in the prompt directory, so no path separators. */
    String prompt(String name) {
        return checkPrompt(name, text(name));
    }

    String optionalPrompt(String name) {
        return optionalText(name).map(p -> checkPrompt(name, p)).orElse(null);
    }

    private String checkPrompt(String name, String prompt) {
        if (!prompt.matches("[A-Za-z0-9_-]{1,64}")) {
            throw error("'" + name + "' must be a prompt name (letters, digits, '-', '_'), not '" + prompt + "'");
        }
        return prompt;
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = optionalText(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw error("'" + name + "' must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("'" + name + "' must be a whole number, not '" + text.get() + "'");
        }
    }

    Duration duration(String name, Duration defaultValue) {
        Optional<String> text = optionalText(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            Duration d = DurationStyle.detectAndParse(text.get());
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw error("'" + name + "' must be between 1 ms and 1 h, not " + text.get());
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw error("'" + name + "' is not a duration such as 5s or 3m: '" + text.get() + "'");
        }
    }

    /** A route: either a node id, or a map with {@code next} and an optional {@code choice}. */
    Route route(String name) {
        Route route = optionalRoute(name);
        if (route == null) {
            throw error("missing '" + name + "'");
        }
        return route;
    }

    Route optionalRoute(String name) {
        read.add(name);
        return toRoute(name, attributes.get(name));
    }

    private Route toRoute(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Object next = map.get("next");
            if (next == null) {
                throw error("'" + name + "' has no 'next'");
            }
            for (Object key : map.keySet()) {
                if (!"next".equals(key) && !"choice".equals(key)) {
                    throw error("'" + name + "' has unknown attribute '" + key + "'");
                }
            }
            Object choice = map.get("choice");
            return new Route(next.toString(), choice == null ? null : choice.toString());
        }
        return Route.to(value.toString());
    }

    /** A map of DTMF key -> value, with each key checked to be one key a phone can send. */
    Map<Character, Route> keyRoutes(String name) {
        Map<Character, Route> routes = new LinkedHashMap<>();
        keyMap(name).forEach((key, value) -> routes.put(key, toRoute(name + "." + key, value)));
        return routes;
    }

    Map<Character, Object> keyMap(String name) {
        read.add(name);
        if (!(attributes.get(name) instanceof Map<?, ?> map) || map.isEmpty()) {
            throw error("'" + name + "' must map keys to where they lead");
        }
        Map<Character, Object> keys = new LinkedHashMap<>();
        map.forEach((k, v) -> keys.put(key(name, String.valueOf(k)), v));
        return keys;
    }

    Optional<Character> optionalKey(String name) {
        return optionalText(name).map(k -> key(name, k));
    }

    private Character key(String name, String key) {
        if (key.length() != 1 || DTMF_KEYS.indexOf(key.charAt(0)) < 0) {
            throw error("bad key '" + key + "' in '" + name + "': a key is one of " + DTMF_KEYS);
        }
        return key.charAt(0);
    }

    Language language(String name, Object code) {
        return Language.ofCode(String.valueOf(code))
                .orElseThrow(() -> error("'" + name + "' names unknown language '" + code + "' (known: en, zh)"));
    }

    /** Fails on attributes that no reader method asked for. */
    void rejectUnknownAttributes() {
        Set<String> unknown = new TreeSet<>();
        attributes.keySet().forEach(k -> {
            if (!read.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        });
        if (!unknown.isEmpty()) {
            throw error("unknown attribute(s) " + unknown);
        }
    }
}

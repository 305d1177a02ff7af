package org.callcentre.ivr.flow;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one flow file and checks it completely: known kinds, required attributes, unique ids,
 * keys a phone can send, and every route leading to a node of the same flow. A file either
 * yields a runnable {@link FlowDefinition} or a {@link FlowDefinitionException}.
 *
 * <pre>
 * flow: hotline
 * start: welcome
 * nodes:
 *   - id: welcome
 *     kind: play
 *     prompt: welcome
 *     next: main-menu
 * </pre>
 */
final class FlowParser {

    /** Flow files are small; a larger one is a mistake (or an attack on the YAML parser). */
    private static final int MAX_FILE_CHARS = 256 * 1024;
    private static final int MAX_NODES = 500;
    private static final String FLOW = "(flow)";

    FlowDefinition parse(String file, InputStream in) {
        Map<?, ?> root = load(file, in);
        String name = string(file, root, "flow");
        String start = string(file, root, "start");
        if (!(root.get("nodes") instanceof List<?> list) || list.isEmpty()) {
            throw new FlowDefinitionException(file, FLOW, "'nodes' must be a non-empty list");
        }
        if (list.size() > MAX_NODES) {
            throw new FlowDefinitionException(file, FLOW, "more than " + MAX_NODES + " nodes");
        }
        for (Object key : root.keySet()) {
            if (!List.of("flow", "start", "nodes").contains(String.valueOf(key))) {
                throw new FlowDefinitionException(file, FLOW, "unknown attribute '" + key + "'");
            }
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        int index = 0;
        for (Object item : list) {
            index++;
            Node node = node(file, index, item);
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new FlowDefinitionException(file, node.id(), "duplicate node id");
            }
        }
        if (!nodes.containsKey(start)) {
            throw new FlowDefinitionException(file, FLOW, "start node '" + start + "' is not defined");
        }
        for (Node node : nodes.values()) {
            node.routes().forEach(route -> {
                if (!nodes.containsKey(route.next())) {
                    throw new FlowDefinitionException(file, node.id(),
                            "leads to '" + route.next() + "', which is not a node of this flow");
                }
            });
        }
        return new FlowDefinition(name, file, start, nodes);
    }

    private static Map<?, ?> load(String file, InputStream in) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_FILE_CHARS);
        try (in) {
            Object root = new Yaml(new SafeConstructor(options)).load(in);
            if (!(root instanceof Map<?, ?> map)) {
                throw new FlowDefinitionException(file, FLOW, "not a flow definition (expected flow, start, nodes)");
            }
            return map;
        } catch (YAMLException e) {
            throw new FlowDefinitionException(file, FLOW, "not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        } catch (IOException e) {
            throw new FlowDefinitionException(file, FLOW, "cannot be read: " + e.getMessage());
        }
    }

    private static Node node(String file, int index, Object item) {
        String position = "#" + index;
        if (!(item instanceof Map<?, ?> map)) {
            throw new FlowDefinitionException(file, position, "a node must be a map with id and kind");
        }
        Object id = map.get("id");
        if (id == null || !String.valueOf(id).matches("[A-Za-z0-9_-]{1,64}")) {
            throw new FlowDefinitionException(file, id == null ? position : String.valueOf(id),
                    "missing or bad 'id' (letters, digits, '-', '_'; at most 64)");
        }
        Object kind = map.get("kind");
        if (kind == null || !NodeKinds.exists(kind.toString())) {
            throw new FlowDefinitionException(file, id.toString(),
                    "unknown kind '" + kind + "' (known: " + String.join(", ", NodeKinds.names().stream().sorted()
                            .toList()) + ")");
        }
        return NodeKinds.read(kind.toString(), new NodeReader(file, id.toString(), map));
    }

    private static String string(String file, Map<?, ?> root, String name) {
        Object value = root.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new FlowDefinitionException(file, FLOW, "missing '" + name + "'");
        }
        return value.toString().strip();
    }
}

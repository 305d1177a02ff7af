package org.callcentre.ivr.flow;

import java.util.Map;

/** A validated flow: every route leads to a node of this flow. Immutable, shared by all calls. */
record FlowDefinition(String name, String source, String start, Map<String, Node> nodes) {

    FlowDefinition {
        nodes = Map.copyOf(nodes);
    }

    Node node(String id) {
        Node node = nodes.get(id);
        if (node == null) {  // cannot happen for a validated definition
            throw new IllegalStateException("flow " + name + " has no node " + id);
        }
        return node;
    }
}

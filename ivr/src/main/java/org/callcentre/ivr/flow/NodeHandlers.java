package org.callcentre.ivr.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The handler of each node kind. Refuses to exist unless every kind has exactly one handler. */
final class NodeHandlers {

    private final Map<Class<?>, NodeHandler<?>> byKind = new HashMap<>();

    NodeHandlers(List<NodeHandler<?>> handlers) {
        for (NodeHandler<?> h : handlers) {
            if (byKind.put(h.kind(), h) != null) {
                throw new IllegalArgumentException("two handlers for " + h.kind().getSimpleName());
            }
        }
        for (Class<?> kind : Node.class.getPermittedSubclasses()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalArgumentException("no handler for node kind " + kind.getSimpleName());
            }
        }
    }

    String handle(Node node, CallSession session) throws CallerHungUp {
        return dispatch(byKind.get(node.getClass()), node, session);
    }

    @SuppressWarnings("unchecked")
    private static <N extends Node> String dispatch(NodeHandler<N> handler, Node node, CallSession session)
            throws CallerHungUp {
        return handler.handle((N) node, session);
    }
}

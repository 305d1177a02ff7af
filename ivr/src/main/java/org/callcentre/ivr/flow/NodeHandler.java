package org.callcentre.ivr.flow;

/**
 * Runs one kind of node for one call and says where the call goes next. Handlers are stateless
 * and shared by all calls; per-call state is in the {@link CallSession}.
 *
 * @param <N> the node kind handled
 */
interface NodeHandler<N extends Node> {

    Class<N> kind();

    /** @return the next node's id, or null when the flow ends here */
    String handle(N node, CallSession session) throws CallerHungUp;
}

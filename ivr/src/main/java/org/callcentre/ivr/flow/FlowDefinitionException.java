package org.callcentre.ivr.flow;

/**
 * A flow file that cannot be run. The message names the file, the node (or {@code (flow)} for
 * the file as a whole) and the reason, so whoever edited it can fix it without a debugger.
 */
public final class FlowDefinitionException extends RuntimeException {

    private final String file;
    private final String node;

    FlowDefinitionException(String file, String node, String reason) {
        super("flow file '" + file + "', node '" + node + "': " + reason);
        this.file = file;
        this.node = node;
    }

    public String file() {
        return file;
    }

    public String node() {
        return node;
    }
}

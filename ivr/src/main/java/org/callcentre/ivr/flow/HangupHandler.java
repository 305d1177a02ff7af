package org.callcentre.ivr.flow;

/** {@code kind: hangup}: plays an optional goodbye; the flow ends and the IVR hangs up. */
final class HangupHandler implements NodeHandler<Node.Hangup> {

    @Override
    public Class<Node.Hangup> kind() {
        return Node.Hangup.class;
    }

    @Override
    public String handle(Node.Hangup node, CallSession session) throws CallerHungUp {
        if (node.prompt() != null) {
            session.play(node.prompt());
        }
        return null;
    }
}

package org.callcentre.ivr.flow;

/**
 * {@code kind: transfer}: dials an extension with Dial(); answered is the call's outcome
 * (TRANSFERRED), anything else follows {@code failed} if the flow has it.
 */
final class TransferHandler implements NodeHandler<Node.Transfer> {

    @Override
    public Class<Node.Transfer> kind() {
        return Node.Transfer.class;
    }

    @Override
    public String handle(Node.Transfer node, CallSession session) throws CallerHungUp {
        if (node.prompt() != null) {
            session.play(node.prompt());
        }
        session.leavingIvr();
        String status = session.channel().dial(node.target(), node.timeout());
        session.journey().transferred(node.target(), status);
        if ("ANSWER".equals(status)) {
            return null;
        }
        return node.failed() == null ? null : node.failed().take(session);
    }
}

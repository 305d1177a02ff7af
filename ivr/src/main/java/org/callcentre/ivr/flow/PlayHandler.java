package org.callcentre.ivr.flow;

/** {@code kind: play}: plays a prompt to the end, then follows {@code next}. */
final class PlayHandler implements NodeHandler<Node.Play> {

    @Override
    public Class<Node.Play> kind() {
        return Node.Play.class;
    }

    @Override
    public String handle(Node.Play node, CallSession session) throws CallerHungUp {
        session.play(node.prompt());
        return node.next() == null ? null : node.next().take(session);
    }
}

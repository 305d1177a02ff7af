package org.callcentre.ivr.flow;

/**
 * Where a branch leads: the next node, and optionally the business type the journey records as
 * the caller's choice when the branch is taken (e.g. {@code order-status}).
 */
record Route(String next, String choice) {

    static Route to(String next) {
        return new Route(next, null);
    }

    /** Records the choice, if any, and returns the next node id. */
    String take(CallSession session) {
        if (choice != null) {
            session.journey().chose(choice);
        }
        return next;
    }
}

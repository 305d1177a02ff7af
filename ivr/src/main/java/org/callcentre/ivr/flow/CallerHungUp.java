package org.callcentre.ivr.flow;

/**
 * The caller hung up. Thrown by a {@link CallChannel} so that the flow stops where it is; the
 * script records it as the call's outcome. Not an error: no stack trace is ever logged for it.
 */
public final class CallerHungUp extends Exception {
    public CallerHungUp() {
        super("caller hung up", null, false, false);
    }
}

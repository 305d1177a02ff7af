package org.callcentre.ivr;

/**
 * No call with that id that the user may see: the server answers 404, the same whether the call
 * does not exist or belongs to someone else, so that a stranger learns nothing of other agents'
 * calls ({@code org.callcentre.ivr.journey.CallAccess}).
 */
public class NoSuchCall extends RuntimeException {

    public NoSuchCall(String callId) {
        super("There is no call " + callId + " among the calls you may see.");
    }
}

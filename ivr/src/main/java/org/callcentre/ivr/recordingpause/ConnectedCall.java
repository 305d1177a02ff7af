package org.callcentre.ivr.recordingpause;

import java.time.Instant;
import java.util.Objects;

/**
 * A call whose customer is connected to an agent, so its recording runs.
 *
 * @param callId        Asterisk's linkedid of the call
 * @param callerChannel the customer's channel, on which the IVR started MixMonitor
 * @param agent         the agent id (queue member name) who answered
 * @param connectedAt   when the agent was connected: the recording's time zero
 */
public record ConnectedCall(String callId, String callerChannel, String agent, Instant connectedAt) {
    public ConnectedCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callerChannel, "callerChannel");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}

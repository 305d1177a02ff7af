package org.callcentre.ivr;

import java.time.Instant;

/** An agent wrapped up a call: what it was about, whether it was resolved, whether to follow up. */
public record CallDispositioned(String callId, String agent, String businessType, boolean resolved,
        boolean followUp, Instant at) {
}

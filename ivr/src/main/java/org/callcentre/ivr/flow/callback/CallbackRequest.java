package org.callcentre.ivr.flow.callback;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller's request to be called back.
 *
 * @param number       the number to call: digits, optional leading '+' (already sanitised)
 * @param businessType what the caller chose in the menu, if anything (null otherwise)
 */
public record CallbackRequest(String callId, String number, String businessType, Instant requestedAt) {

    public CallbackRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (number == null || !number.matches("\\+?[0-9]{3,20}")) {
            throw new IllegalArgumentException("callback number must be 3 to 20 digits");
        }
    }
}

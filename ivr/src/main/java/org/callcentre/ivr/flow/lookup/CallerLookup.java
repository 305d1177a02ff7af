package org.callcentre.ivr.flow.lookup;

import java.util.Optional;

/**
 * The order system, asked who is calling. A port: {@link HttpCallerLookup} is the shop's
 * adapter; the contract every adapter meets is {@code CallerLookupContract} in the tests.
 *
 * <p>Called from a call's session thread while the caller waits, so an implementation must be
 * thread-safe and must give up within its configured timeout: the IVR then takes its fallback
 * path instead of leaving the caller in silence.
 */
public interface CallerLookup {

    /**
     * @return the customer, or empty when the order system does not know the number
     * @throws OrderSystemUnavailable when the order system is down, slow or answers nonsense
     */
    Optional<Customer> lookup(CallerNumber number) throws OrderSystemUnavailable;

    /** The order system did not answer usefully in time. Expected now and then: not an error. */
    final class OrderSystemUnavailable extends Exception {
        public OrderSystemUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}

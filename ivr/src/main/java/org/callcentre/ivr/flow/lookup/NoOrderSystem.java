package org.callcentre.ivr.flow.lookup;

import java.util.Optional;

/** The {@link CallerLookup} of a site without an order system: every lookup is unavailable. */
public final class NoOrderSystem implements CallerLookup {

    @Override
    public Optional<Customer> lookup(CallerNumber number) throws OrderSystemUnavailable {
        throw new OrderSystemUnavailable("no order system configured (callcentre.ivr.order-system.url)");
    }
}

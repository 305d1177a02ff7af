package org.callcentre.ivr.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callcentre.ivr.flow.lookup.CallerLookup;
import org.callcentre.ivr.flow.lookup.CallerNumber;
import org.callcentre.ivr.flow.lookup.Customer;

/**
 * {@code kind: lookup}: asks the order system who is calling. The caller id is untrusted: only a
 * well-formed number is sent. A withheld or malformed id is "not found"; a slow or failing order
 * system is "unavailable", an expected outcome with its own route, logged on the journey.
 */
final class LookupHandler implements NodeHandler<Node.Lookup> {

    private final CallerLookup lookup;
    private final Clock clock;

    LookupHandler(CallerLookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    public Class<Node.Lookup> kind() {
        return Node.Lookup.class;
    }

    @Override
    public String handle(Node.Lookup node, CallSession session) {
        Optional<CallerNumber> number = CallerNumber.from(session.channel().callerId());
        if (number.isEmpty()) {
            session.journey().note("lookup", "not-found (no usable caller id)");
            return node.notFound().take(session);
        }
        Instant asked = clock.instant();
        try {
            Optional<Customer> customer = lookup.lookup(number.get());
            long ms = Duration.between(asked, clock.instant()).toMillis();
            if (customer.isEmpty()) {
                session.journey().note("lookup", "not-found in " + ms + " ms");
                return node.notFound().take(session);
            }
            session.customer(customer.get());
            session.journey().note("lookup", "found " + customer.get().customerId() + " in " + ms + " ms");
            return node.found().take(session);
        } catch (CallerLookup.OrderSystemUnavailable e) {
            long ms = Duration.between(asked, clock.instant()).toMillis();
            session.journey().note("lookup", "unavailable after " + ms + " ms: " + e.getMessage());
            return node.unavailable().take(session);
        }
    }
}

package org.callcentre.ivr.flow.lookup;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An order system in memory: knows some numbers, or is down. */
public final class FakeOrderSystem implements CallerLookup {

    private final Map<String, Customer> customers = new HashMap<>();
    private boolean down;
    public int lookups;

    public FakeOrderSystem knows(String number, Customer customer) {
        customers.put(number, customer);
        return this;
    }

    public FakeOrderSystem down() {
        down = true;
        return this;
    }

    @Override
    public Optional<Customer> lookup(CallerNumber number) throws OrderSystemUnavailable {
        lookups++;
        if (down) {
            throw new OrderSystemUnavailable("connection refused");
        }
        return Optional.ofNullable(customers.get(number.value()));
    }
}

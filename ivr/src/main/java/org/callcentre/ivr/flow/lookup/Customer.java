package org.callcentre.ivr.flow.lookup;

import java.util.Objects;
import java.util.Optional;

/**
 * A customer the order system knows by their phone number, with their latest order if any.
 *
 * @param latestOrder null when the customer has no order
 */
public record Customer(String customerId, LatestOrder latestOrder) {

    public Customer {
        Objects.requireNonNull(customerId, "customerId");
    }

    public Optional<LatestOrder> order() {
        return Optional.ofNullable(latestOrder);
    }

    /** An order's number (digits, read back to the caller) and state. */
    public record LatestOrder(String number, OrderState state) {
        public LatestOrder {
            if (number == null || !number.matches("[0-9]{1,20}")) {
                throw new IllegalArgumentException("order number must be 1 to 20 digits");
            }
            Objects.requireNonNull(state, "state");
        }
    }

    /** Order states the IVR can say; anything else the order system reports is UNKNOWN. */
    public enum OrderState {
        PLACED, PAID, SHIPPED, DELIVERED, CANCELLED, UNKNOWN;

        public static OrderState of(String text) {
            for (OrderState s : values()) {
                if (s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            return UNKNOWN;
        }
    }
}

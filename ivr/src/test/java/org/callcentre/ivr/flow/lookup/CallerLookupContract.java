package org.callcentre.ivr.flow.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What every {@link CallerLookup} adapter must do. An adapter's test class implements this and
 * provides the adapter in each of the three states of an order system.
 */
interface CallerLookupContract {

    Customer KNOWN = new Customer("c-17", new Customer.LatestOrder("4711", Customer.OrderState.SHIPPED));
    CallerNumber KNOWN_NUMBER = new CallerNumber("+8613800138000");

    /** An adapter whose order system knows only {@link #KNOWN} under {@link #KNOWN_NUMBER}. */
    CallerLookup knowingOneCustomer() throws Exception;

    /** An adapter whose order system does not answer. */
    CallerLookup withOrderSystemDown() throws Exception;

    @Test
    default void knownNumberYieldsTheCustomerAndTheirLatestOrder() throws Exception {
        assertThat(knowingOneCustomer().lookup(KNOWN_NUMBER)).contains(KNOWN);
    }

    @Test
    default void unknownNumberYieldsNobody() throws Exception {
        assertThat(knowingOneCustomer().lookup(new CallerNumber("5550000"))).isEmpty();
    }

    @Test
    default void orderSystemDownIsUnavailableNotAnError() {
        assertThatThrownBy(() -> withOrderSystemDown().lookup(KNOWN_NUMBER))
                .isInstanceOf(CallerLookup.OrderSystemUnavailable.class);
    }
}

package org.callcentre.ivr.flow;

import java.util.Locale;
import org.callcentre.ivr.flow.lookup.Customer;

/**
 * {@code kind: order-status}: self-service read-back of the caller's latest order, from the
 * lookup earlier in the flow: "your latest order, number 1 2 3 4, has been shipped". Digits are
 * our own prompts ({@code digit-0}..{@code digit-9}) so they are spoken in the caller's language
 * whatever sounds Asterisk has installed.
 */
final class OrderStatusHandler implements NodeHandler<Node.OrderStatus> {

    @Override
    public Class<Node.OrderStatus> kind() {
        return Node.OrderStatus.class;
    }

    @Override
    public String handle(Node.OrderStatus node, CallSession session) throws CallerHungUp {
        var order = session.customer().flatMap(Customer::order);
        if (order.isEmpty()) {
            session.journey().note("order-status", "no order");
            return node.noOrder().take(session);
        }
        session.journey().note("order-status", order.get().state().name().toLowerCase(Locale.ROOT));
        session.play("order-intro");
        for (char digit : order.get().number().toCharArray()) {
            session.play("digit-" + digit);
        }
        session.play("order-" + order.get().state().name().toLowerCase(Locale.ROOT));
        return node.next().take(session);
    }
}

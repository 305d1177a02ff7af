package org.callcentre.ivr.flow;

import java.time.Clock;
import java.util.Optional;
import org.callcentre.ivr.flow.callback.CallbackRequest;
import org.callcentre.ivr.flow.callback.CallbackRequests;
import org.callcentre.ivr.flow.lookup.CallerNumber;

/**
 * {@code kind: callback}: the caller confirms their own number (key 1) or keys another one
 * (key 2, or always when the caller id is withheld or malformed), ended by '#'; no key declines. Digits read are
 * capped at {@code max-digits}; a keyed number gets two tries. The request goes to
 * {@link CallbackRequests}; then the caller hears the confirmation.
 */
final class CallbackHandler implements NodeHandler<Node.Callback> {

    private static final int ENTRY_TRIES = 2;

    private final CallbackRequests requests;
    private final Clock clock;

    CallbackHandler(CallbackRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public Class<Node.Callback> kind() {
        return Node.Callback.class;
    }

    @Override
    public String handle(Node.Callback node, CallSession session) throws CallerHungUp {
        Optional<CallerNumber> number = CallerNumber.from(session.channel().callerId());
        if (number.isPresent()) {
            Optional<Character> key = session.channel().playAndReadKey(session.prompt(node.prompt()), "12",
                    node.timeout());
            if (key.isEmpty()) {
                session.journey().note("callback", "declined");
                return failed(node, session);
            }
            session.journey().keyPressed(key.get());
            if (key.get() != '1') {
                number = Optional.empty();
            }
        }
        for (int i = 0; i < ENTRY_TRIES && number.isEmpty(); i++) {
            String digits = session.channel().readDigits(session.prompt(node.enterPrompt()), node.maxDigits(),
                    node.timeout());
            number = CallerNumber.from(digits);
            session.journey().note("callback-number", number.isPresent() ? "keyed" : "not a number");
        }
        if (number.isEmpty()) {
            return failed(node, session);
        }
        requests.request(new CallbackRequest(session.journey().callId(), number.get().value(),
                session.journey().menuChoice(), clock.instant()));
        session.journey().callbackRequested(number.get().value());
        session.play(node.confirmedPrompt());
        return node.next() == null ? null : node.next().take(session);
    }

    /** A caller who declined a surge offer goes back to the queue; otherwise the node's failed route. */
    private static String failed(Node.Callback node, CallSession session) {
        return session.declinedSurgeOffer()
                .orElseGet(() -> node.failed() == null ? null : node.failed().take(session));
    }
}

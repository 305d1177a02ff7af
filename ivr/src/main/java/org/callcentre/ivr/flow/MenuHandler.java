package org.callcentre.ivr.flow;

import java.util.Optional;
import org.callcentre.ivr.journey.JourneyTracker;

/**
 * {@code kind: menu}: reads one key per play. Every key a phone can send interrupts the prompt,
 * so a wrong key is explained ({@code invalid-prompt}) rather than ignored. No input and wrong
 * keys use up attempts; after the last one the call takes the fallback. The repeat key does not
 * use an attempt, but repeats are bounded too, so a caller cannot hold the menu forever.
 */
final class MenuHandler implements NodeHandler<Node.Menu> {

    /** Replays on the repeat key beyond the attempts; past them a repeat counts as an attempt. */
    static final int FREE_REPEATS = 5;

    @Override
    public Class<Node.Menu> kind() {
        return Node.Menu.class;
    }

    @Override
    public String handle(Node.Menu menu, CallSession session) throws CallerHungUp {
        JourneyTracker journey = session.journey();
        int attempts = 0;
        int freeRepeats = FREE_REPEATS;
        while (attempts < menu.attempts()) {
            Optional<Character> key = session.channel().playAndReadKey(session.prompt(menu.prompt()),
                    NodeReader.DTMF_KEYS, menu.timeout());
            if (key.isEmpty()) {
                journey.noInput();
                attempts++;
                session.play(menu.noInputPrompt());
                continue;
            }
            char pressed = key.get();
            journey.keyPressed(pressed);
            if (menu.repeatKey().filter(r -> r == pressed).isPresent()) {
                if (freeRepeats-- <= 0) {
                    attempts++;
                }
                continue;
            }
            Route route = menu.options().get(pressed);
            if (route == null) {
                journey.invalidKey(pressed);
                attempts++;
                session.play(menu.invalidPrompt());
                continue;
            }
            return route.take(session);
        }
        journey.note("fallback", menu.fallback().next());
        return menu.fallback().take(session);
    }
}

package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.Optional;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.IvrProperties.MenuOption;
import org.callcentre.ivr.journey.JourneyTracker;

/**
 * The hotline's main menu: welcome, menu with retries, recording, queue. Stateless and shared by
 * every call; all per-call state lives in the {@link CallChannel} and the {@link JourneyTracker}.
 *
 * <p>Nodes, as they appear in journeys: {@code welcome}, {@code main-menu}, {@code queue},
 * {@code goodbye}.
 */
public final class HotlineFlow {

    private final IvrProperties.Menu menu;
    private final IvrProperties.Recording recording;
    private final String menuKeys;

    public HotlineFlow(IvrProperties.Menu menu, IvrProperties.Recording recording) {
        this.menu = menu;
        this.recording = recording;
        this.menuKeys = String.join("", menu.options().keySet()) + menu.repeatKey();
    }

    /** Runs the call to its end; returns normally or by {@link CallerHungUp}. */
    public void run(CallChannel call, JourneyTracker journey) throws CallerHungUp {
        call.answer();
        journey.enter("welcome");
        call.play("welcome");
        MenuOption choice = mainMenu(call, journey).orElse(null);
        if (choice == null) {
            // The final fallback: a caller who could not use the menu still reaches a person.
            choice = new MenuOption("unspecified", menu.fallbackQueue(), 0);
            journey.chose(choice.businessType());
        }
        queue(call, journey, choice);
    }

    private Optional<MenuOption> mainMenu(CallChannel call, JourneyTracker journey) throws CallerHungUp {
        journey.enter("main-menu");
        int attempts = 0;
        while (attempts < menu.attempts()) {
            Optional<Character> key = call.playAndReadKey("main-menu", menuKeys, menu.keyTimeout());
            if (key.isEmpty()) {
                journey.noInput();
                attempts++;
                call.play("no-input");
                continue;
            }
            String pressed = String.valueOf(key.get());
            journey.keyPressed(key.get());
            if (pressed.equals(menu.repeatKey())) {
                continue;
            }
            MenuOption option = menu.options().get(pressed);
            if (option == null) {
                journey.invalidKey(key.get());
                attempts++;
                call.play("invalid");
                continue;
            }
            journey.chose(option.businessType());
            return Optional.of(option);
        }
        return Optional.empty();
    }

    private void queue(CallChannel call, JourneyTracker journey, MenuOption choice) throws CallerHungUp {
        journey.enter("queue");
        call.play("transfer");
        if (recording.enabled()) {
            String fileName = recordingFileName(journey.callId()) + "." + recording.format();
            call.startRecording(fileName);
            journey.recording(fileName);
        }
        journey.joinedQueue(choice.queue());
        CallChannel.QueueResult result = call.queue(choice.queue(), choice.priority(), menu.maxQueueWait());
        Duration waited = result.waited().orElse(null);
        if (result.answered()) {
            journey.answeredBy(result.agent().orElseThrow(), waited);
        } else {
            journey.leftQueueUnanswered(result.queueStatus(), waited);
        }
    }

    /** A file name safe on any file system, derived from the call id (Asterisk ids are 'a.b'). */
    static String recordingFileName(String callId) {
        return callId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

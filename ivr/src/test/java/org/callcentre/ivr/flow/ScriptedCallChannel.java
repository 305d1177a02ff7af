package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CallChannel} that plays a caller's script: the keys they press, in order, and the
 * point at which they hang up. Records the prompts played and the queue joined.
 */
final class ScriptedCallChannel implements CallChannel {

    private final Deque<Optional<Character>> keys = new ArrayDeque<>();
    private int hangUpAfterPrompts = Integer.MAX_VALUE;
    private Optional<String> answeringAgent = Optional.of("agent1");
    final List<String> prompts = new ArrayList<>();
    String queued;
    int priority;
    String recordingFile;

    ScriptedCallChannel presses(String keySequence) {
        keySequence.chars().forEach(c -> keys.add(c == '_' ? Optional.empty() : Optional.of((char) c)));
        return this;
    }

    ScriptedCallChannel hangsUpAfterPrompts(int count) {
        hangUpAfterPrompts = count;
        return this;
    }

    ScriptedCallChannel nobodyAnswers() {
        answeringAgent = Optional.empty();
        return this;
    }

    @Override
    public String callId() {
        return "1700000000.42";
    }

    @Override
    public String callerId() {
        return "5551234";
    }

    @Override
    public void answer() {
    }

    @Override
    public void play(String prompt) throws CallerHungUp {
        hear(prompt);
    }

    @Override
    public Optional<Character> playAndReadKey(String prompt, String allowed, Duration timeout) throws CallerHungUp {
        hear(prompt);
        Optional<Character> key = keys.isEmpty() ? Optional.empty() : keys.poll();
        // Like GET OPTION: keys outside the escape digits do not interrupt and are not returned.
        return key.filter(k -> allowed.indexOf(k) >= 0);
    }

    @Override
    public void startRecording(String fileName) {
        recordingFile = fileName;
    }

    @Override
    public QueueResult queue(String queue, int priority, Duration maxWait) {
        this.queued = queue;
        this.priority = priority;
        return new QueueResult(answeringAgent, Optional.of(Duration.ofSeconds(4)),
                answeringAgent.isPresent() ? "ANSWERED" : "TIMEOUT");
    }

    private void hear(String prompt) throws CallerHungUp {
        if (prompts.size() >= hangUpAfterPrompts) {
            throw new CallerHungUp();
        }
        prompts.add(prompt);
    }
}

package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CallChannel} that plays a caller's script: the keys they press, in order ('_' is no
 * key), the digit strings they key in, the point at which they hang up. Records the prompts
 * played, the queue joined and everything else the flow asked of the channel.
 */
final class ScriptedCallChannel implements CallChannel {

    private final Deque<Optional<Character>> keys = new ArrayDeque<>();
    private final Deque<String> digitEntries = new ArrayDeque<>();
    private int hangUpAfterPrompts = Integer.MAX_VALUE;
    private Optional<String> answeringAgent = Optional.of("agent1");
    private String callerId = "5551234";
    private String dialStatus = "ANSWER";
    final Map<String, String> variables = new HashMap<>();
    final List<String> prompts = new ArrayList<>();
    String queued;
    String agentPreDial;
    int priority;
    java.time.Duration queuedMaxWait;
    String recordingFile;
    String messageFile;
    String dialled;
    int maxDigitsAsked;
    /** What the flow did to the call's recordings, and when it queued or dialled, in order. */
    final List<String> recordingSteps = new ArrayList<>();

    ScriptedCallChannel presses(String keySequence) {
        keySequence.chars().forEach(c -> keys.add(c == '_' ? Optional.empty() : Optional.of((char) c)));
        return this;
    }

    ScriptedCallChannel keysIn(String digits) {
        digitEntries.add(digits);
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

    ScriptedCallChannel callingFrom(String callerId) {
        this.callerId = callerId;
        return this;
    }

    ScriptedCallChannel withVariable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    ScriptedCallChannel dialAnswers(String status) {
        dialStatus = status;
        return this;
    }

    @Override
    public String callId() {
        return "1700000000.42";
    }

    @Override
    public String callerId() {
        return callerId;
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
    public String readDigits(String prompt, int maxDigits, Duration timeout) throws CallerHungUp {
        hear(prompt);
        maxDigitsAsked = maxDigits;
        String digits = digitEntries.isEmpty() ? "" : digitEntries.poll();
        return digits.length() > maxDigits ? digits.substring(0, maxDigits) : digits;  // like GET DATA
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public void setVariable(String name, String value) {
        variables.put(name, value);
    }

    @Override
    public void recordMessage(String fileName, Duration maxDuration) throws CallerHungUp {
        hear("(beep)");
        messageFile = fileName;
    }

    @Override
    public String dial(String target, Duration timeout) {
        dialled = target;
        recordingSteps.add("dial " + target);
        return dialStatus;
    }

    @Override
    public void startRecording(String fileName) {
        recordingFile = fileName;
        recordingSteps.add("record conversation " + fileName);
    }

    @Override
    public void startIvrRecording(String fileName) {
        recordingSteps.add("record ivr part " + fileName);
    }

    @Override
    public void stopIvrRecording() {
        recordingSteps.add("stop ivr part");
    }

    @Override
    public QueueResult queue(String queue, int priority, Duration maxWait, String agentPreDial) {
        this.queued = queue;
        recordingSteps.add("queue " + queue);
        this.agentPreDial = agentPreDial;
        this.priority = priority;
        this.queuedMaxWait = maxWait;
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

package org.callcentre.ivr.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * What the IVR flow needs from a live call: the seam between flow logic and the AGI wire.
 * {@link AgiCallChannel} is the Asterisk adapter; unit tests drive flows with a scripted one.
 *
 * <p>One channel is used by one thread, the call's session, for the life of the call. Every
 * operation throws {@link CallerHungUp} once the caller has gone.
 */
public interface CallChannel {

    /** Asterisk's linkedid: the id of the whole call across its channels. */
    String callId();

    /** The caller's number as presented, untrusted; empty when withheld. */
    String callerId();

    void answer() throws CallerHungUp;

    /** Plays a prompt to the end. */
    void play(String prompt) throws CallerHungUp;

    /**
     * Plays a prompt that any of {@code keys} interrupts, then waits up to {@code timeout} for one
     * of them. Empty when no key was pressed in time.
     */
    Optional<Character> playAndReadKey(String prompt, String keys, Duration timeout) throws CallerHungUp;

    /**
     * Plays a prompt, then reads up to {@code maxDigits} keys, ended early by '#' or by
     * {@code timeout} between keys (GET DATA). Returns the digits, empty when none were pressed.
     */
    String readDigits(String prompt, int maxDigits, Duration timeout) throws CallerHungUp;

    /** The value of a channel variable, empty when unset. */
    Optional<String> variable(String name) throws CallerHungUp;

    /** Sets a channel variable, e.g. the skill a queue member must have. */
    void setVariable(String name, String value) throws CallerHungUp;

    /**
     * Records a message from the caller into {@code fileName} (with format extension) in the
     * recording directory, after a beep, until silence, '#' or {@code maxDuration}.
     */
    void recordMessage(String fileName, Duration maxDuration) throws CallerHungUp;

    /** Dials {@code target} (e.g. {@code PJSIP/200}) and returns Asterisk's DIALSTATUS. */
    String dial(String target, Duration timeout) throws CallerHungUp;

    /**
     * Starts recording the conversation with an agent into {@code fileName} in the recording
     * directory: only while bridged, each direction apart ({@code <name>-customer}, {@code <name>-agent}).
     */
    void startRecording(String fileName) throws CallerHungUp;

    /**
     * Starts recording the IVR part of the call into {@code fileName} in the recording directory,
     * at once, each direction apart: {@code <name>-customer} (the caller) and {@code <name>-prompts}
     * (what the hotline plays them). Runs until {@link #stopIvrRecording()} or the hang-up.
     */
    void startIvrRecording(String fileName) throws CallerHungUp;

    /** Stops the recording {@link #startIvrRecording} started; call it before any other starts. */
    void stopIvrRecording() throws CallerHungUp;

    /**
     * Puts the caller in a queue and returns when they leave it: answered and the conversation
     * over, hung up, or given up by the queue. Returns normally even if the caller hung up while
     * talking to the agent, since by then the call has an outcome worth keeping.
     *
     * @param agentPreDial a Gosub location ({@code context^exten^priority}) run on each agent's
     *                     channel before it rings (Queue's {@code b} option), e.g. to enable the
     *                     agent's DTMF code that pauses the recording; null for none
     */
    QueueResult queue(String queue, int priority, Duration maxWait, String agentPreDial) throws CallerHungUp;

    /** What happened in a queue. {@code agent} is empty when nobody answered. */
    record QueueResult(Optional<String> agent, Optional<Duration> waited, String queueStatus) {
        public boolean answered() {
            return agent.isPresent();
        }
    }
}

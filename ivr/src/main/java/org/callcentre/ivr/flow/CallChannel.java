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

    /** Starts recording the call into {@code fileName} in the recording directory. */
    void startRecording(String fileName) throws CallerHungUp;

    /**
     * Puts the caller in a queue and returns when they leave it: answered and the conversation
     * over, hung up, or given up by the queue. Returns normally even if the caller hung up while
     * talking to the agent, since by then the call has an outcome worth keeping.
     */
    QueueResult queue(String queue, int priority, Duration maxWait) throws CallerHungUp;

    /** What happened in a queue. {@code agent} is empty when nobody answered. */
    record QueueResult(Optional<String> agent, Optional<Duration> waited, String queueStatus) {
        public boolean answered() {
            return agent.isPresent();
        }
    }
}

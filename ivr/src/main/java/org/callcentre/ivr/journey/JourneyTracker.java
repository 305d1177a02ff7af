package org.callcentre.ivr.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callcentre.ivr.CallOutcome;

/**
 * Collects a call's journey while its IVR session runs. Confined to the session's thread, but
 * for {@link #agentConnected}, which AMI reports from its own thread (see {@link LiveJourneys}).
 * {@link #finish()} turns it into the immutable {@link CallJourney} that gets stored.
 */
public final class JourneyTracker {

    private final Clock clock;
    private final String callId;
    private final String callerId;
    private final Instant startedAt;
    private final List<JourneyStep> steps = new ArrayList<>();
    private String node = "start";
    private CallOutcome outcome;
    private String menuChoice;
    private String queue;
    private Duration queueWait;
    private String agent;
    private String recordingName;
    private String ivrRecordingName;
    private volatile Connected connected;

    /** An agent answered, as AMI told it. */
    private record Connected(String agent, Duration waited) {
    }

    public JourneyTracker(Clock clock, String callId, String callerId) {
        this.clock = clock;
        this.callId = callId;
        this.callerId = callerId;
        this.startedAt = clock.instant();
    }

    public String callId() {
        return callId;
    }

    public void enter(String node) {
        this.node = node;
        step("entered", "");
    }

    public void keyPressed(char key) {
        step("key", String.valueOf(key));
    }

    public void noInput() {
        step("no-input", "");
    }

    public void invalidKey(char key) {
        step("invalid-key", String.valueOf(key));
    }

    public void chose(String businessType) {
        this.menuChoice = businessType;
        step("chose", businessType);
    }

    public void recording(String fileName) {
        this.recordingName = fileName;
        step("recording", fileName);
    }

    /** The IVR part of the call is being recorded into {@code fileName}. */
    public void ivrRecording(String fileName) {
        this.ivrRecordingName = fileName;
        step("ivr-recording", fileName);
    }

    public void joinedQueue(String queue) {
        this.queue = queue;
        step("queued", queue);
    }

    public void answeredBy(String agent, Duration waited) {
        this.agent = agent;
        this.queueWait = waited;
        this.outcome = CallOutcome.ANSWERED;
        step("answered", agent);
    }

    /**
     * AMI saw the agent answer. The session records it itself when the queue returns; this
     * counts only if that never happens (Asterisk or the AGI connection died mid-conversation).
     */
    public void agentConnected(String agent, Duration waited) {
        this.connected = new Connected(agent, waited);
    }

    public void leftQueueUnanswered(String status, Duration waited) {
        this.queueWait = waited;
        this.outcome = CallOutcome.ABANDONED_IN_QUEUE;
        step("left-queue", status);
    }

    /** The caller hung up: the outcome follows from where the call was. */
    public void callerHungUp() {
        if (outcome == null) {
            outcome = queue == null ? CallOutcome.ABANDONED_IN_IVR : CallOutcome.ABANDONED_IN_QUEUE;
        }
        step("hangup", "");
    }

    /** Something a node learnt or did that belongs on the record, e.g. a lookup's result. */
    public void note(String event, String detail) {
        step(event, detail);
    }

    public void language(String language) {
        step("language", language);
    }

    public void callbackRequested(String number) {
        this.outcome = CallOutcome.CALLBACK;
        step("callback", number);
    }

    public void voicemail(String fileName) {
        this.outcome = CallOutcome.VOICEMAIL;
        step("voicemail", fileName);
    }

    public void transferred(String target, String status) {
        if ("ANSWER".equals(status)) {
            this.outcome = CallOutcome.TRANSFERRED;
        }
        step("transfer", target + " " + status);
    }

    public String menuChoice() {
        return menuChoice;
    }

    public void endedByIvr(String reason) {
        if (outcome == null) {
            outcome = CallOutcome.ENDED_BY_IVR;
        }
        step("ended", reason);
    }

    public CallJourney finish() {
        Connected seen = connected;
        if (agent == null && seen != null) {
            agent = seen.agent();
            queueWait = seen.waited();
            outcome = CallOutcome.ANSWERED;
            step("answered", seen.agent() + " (seen over AMI; the session ended before the queue returned)");
        }
        CallOutcome finalOutcome = outcome != null ? outcome : CallOutcome.ENDED_BY_IVR;
        return new CallJourney(callId, callerId, startedAt, clock.instant(), finalOutcome, node, menuChoice, queue,
                queueWait, agent, recordingName, ivrRecordingName, steps, List.of());
    }

    private void step(String event, String detail) {
        steps.add(new JourneyStep(clock.instant(), node, event, detail));
    }
}

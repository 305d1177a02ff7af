package org.callcentre.ivr.recordingpause;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.callcentre.ivr.RecordingPause.Via;
import org.callcentre.ivr.ami.AmiConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * What {@link RecordingPauses} learns from AMI: an agent connected to a call (AgentConnect: the
 * customer's channel, the agent, the recording's time zero), the agent left it (AgentComplete),
 * and the agent keyed the DTMF code ({@link RecordingPauseToggleEvent}, registered with the AMI
 * connection by the module's configuration before it logs in). Events arrive on
 * Asterisk-Java's dispatch thread, which must never send an action: they are handed to our own
 * single thread, in order.
 */
final class AmiRecordingPauseFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AmiRecordingPauseFeed.class);

    private final AmiConnection ami;
    private final RecordingPauses pauses;
    private final Clock clock;
    private ExecutorService events;
    private volatile boolean running;

    AmiRecordingPauseFeed(AmiConnection ami, RecordingPauses pauses, Clock clock) {
        this.ami = ami;
        this.pauses = pauses;
        this.clock = clock;
    }

    @Override
    public void start() {
        events = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("recording-pause").daemon().factory());
        ami.onEvent(this::onAmiEvent);
        running = true;
    }

    /** Runs on Asterisk-Java's dispatch thread: hand off, nothing more. */
    void onAmiEvent(ManagerEvent event) {
        switch (event) {
            case AgentConnectEvent e when e.getLinkedId() != null && e.getChannel() != null -> {
                ConnectedCall call = new ConnectedCall(e.getLinkedId(), e.getChannel(), e.getMemberName(),
                        at(e));
                submit(() -> pauses.connected(call));
            }
            case AgentCompleteEvent e when e.getLinkedId() != null -> submit(() -> pauses.disconnected(e.getLinkedId()));
            case RecordingPauseToggleEvent e when e.getLinkedId() != null -> submit(() -> toggle(e.getLinkedId()));
            default -> { }
        }
    }

    private void toggle(String callId) {
        try {
            RecordingPauses.Status status = pauses.toggle(callId, Via.DTMF);
            log.debug("DTMF code on {}: recording {}", callId, status.paused() ? "paused" : "running");
        } catch (RecordingPauses.NotConnected e) {
            log.info("DTMF recording-pause code ignored: {}", e.getMessage());
        } catch (AmiConnection.AsteriskUnavailable | AmiConnection.AmiActionFailed e) {
            log.warn("DTMF recording-pause code on {} failed: {}", callId, e.getMessage());
        }
    }

    /** The event's own time (manager.conf timestampevents), else now: the bridge's moment, not our delay. */
    private Instant at(ManagerEvent e) {
        Double seconds = e.getTimestamp();
        return seconds == null ? clock.instant() : Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    private void submit(Runnable work) {
        try {
            events.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Recording pause update failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException stopped) {
            // shutting down
        }
    }

    @Override
    public void stop() {
        running = false;
        events.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 1; // after the AMI connection
    }
}

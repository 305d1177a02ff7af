package org.callcentre.ivr.floor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.callcentre.ivr.SurgeLevelChanged;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.ivr.queue.QueueCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds AMI events into the {@link FloorModel}. Asterisk-Java delivers events on its one dispatch
 * thread, which also carries action responses: the listener only translates and hands off to our
 * own single event thread, so a slow model never stalls AMI and the resync's QueueStatus (an
 * action) is never sent from the dispatch thread. The model is rebuilt from QueueStatus whenever
 * Asterisk reports itself fully booted ({@link FullyBootedEvent}: sent on every login, and when a
 * restarting Asterisk finishes loading its modules), since events during an outage are lost and
 * AMI answers before app_queue is loaded.
 */
public final class AmiFloorFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AmiFloorFeed.class);

    private final AmiConnection ami;
    private final FloorModel model;
    private final QueueCatalog queues;
    private final Consumer<SurgeLevelChanged> surgeChanges;
    private ExecutorService events;
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    public AmiFloorFeed(AmiConnection ami, FloorModel model, QueueCatalog queues,
            Consumer<SurgeLevelChanged> surgeChanges) {
        this.ami = ami;
        this.model = model;
        this.queues = queues;
        this.surgeChanges = surgeChanges;
    }

    @Override
    public void start() {
        events = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("floor-events").daemon().factory());
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("floor-tick").daemon().factory());
        ami.onEvent(this::onAmiEvent);
        ticker.scheduleWithFixedDelay(() -> submit(model::tick), 1, 1, TimeUnit.SECONDS);
        running = true;
        if (ami.connected()) {
            submit(this::resync);
        }
    }

    /** Runs on Asterisk-Java's dispatch thread: translate and hand off, nothing more. */
    private void onAmiEvent(ManagerEvent event) {
        if (event instanceof FullyBootedEvent) {
            submit(this::resync);
        } else if (event instanceof DisconnectEvent) {
            log.warn("AMI disconnected; the floor model waits for the reconnect to resynchronise");
        } else if (!(event instanceof ResponseEvent)) {
            AmiEventTranslation.translate(event, queues::wrapUpSeconds)
                    .ifPresent(e -> submit(() -> model.apply(e)));
        }
    }

    private void resync() {
        if (!ami.awaitConnected(Duration.ofSeconds(30))) {
            log.warn("Floor not resynchronised: AMI did not finish logging in");
            return;
        }
        List<FloorEvent.MemberState> members = new ArrayList<>();
        List<FloorEvent.Resync.Waiting> waiting = new ArrayList<>();
        List<QueueCatalog.LiveQueue> live = new ArrayList<>();
        for (ResponseEvent e : ami.sendEventGenerating(new QueueStatusAction())) {
            if (e instanceof QueueParamsEvent p) {
                live.add(new QueueCatalog.LiveQueue(p.getQueue(), p.getStrategy(), orZero(p.getServiceLevel()),
                        orZero(p.getWeight()), orZero(p.getMax())));
            } else if (e instanceof QueueMemberEvent m) {
                members.add(AmiEventTranslation.member(m));
            } else if (e instanceof QueueEntryEvent q) {
                waiting.add(new FloorEvent.Resync.Waiting(q.getQueue(), q.getUniqueId(),
                        Duration.ofSeconds(q.getWait() == null ? 0 : q.getWait())));
            }
        }
        List<String> drift = queues.differencesFrom(live);
        if (!drift.isEmpty()) {
            log.warn("Asterisk's queues differ from callcentre.ivr.queues; render and install its queues.conf "
                    + "again (docs/adr/0006): {}", drift);
        }
        log.info("Floor resynchronised from QueueStatus: {} members, {} callers waiting", members.size(),
                waiting.size());
        model.apply(new FloorEvent.Resync(members, waiting)).ifPresent(surgeChanges);
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private void submit(java.util.function.Supplier<java.util.Optional<SurgeLevelChanged>> work) {
        try {
            events.execute(() -> {
                try {
                    work.get().ifPresent(surgeChanges);
                } catch (RuntimeException e) {
                    log.warn("Floor update failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException stopped) {
            // shutting down
        }
    }

    private void submit(Runnable work) {
        submit(() -> {
            work.run();
            return java.util.Optional.empty();
        });
    }

    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        events.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 1; // after the AMI connection, which registers the listener target
    }
}

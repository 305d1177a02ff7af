package org.callcentre.ivr.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.SurgeLevel;
import org.callcentre.ivr.SurgeLevelChanged;
import org.callcentre.ivr.queue.QueueCatalog;
import org.callcentre.ivr.floor.FloorEvent.AgentCompleted;
import org.callcentre.ivr.floor.FloorEvent.AgentConnected;
import org.callcentre.ivr.floor.FloorEvent.AgentNoAnswer;
import org.callcentre.ivr.floor.FloorEvent.AgentRinging;
import org.callcentre.ivr.floor.FloorEvent.CallerAbandoned;
import org.callcentre.ivr.floor.FloorEvent.CallerJoined;
import org.callcentre.ivr.floor.FloorEvent.CallerLeft;
import org.callcentre.ivr.floor.FloorEvent.MemberRemoved;
import org.callcentre.ivr.floor.FloorEvent.MemberState;
import org.callcentre.ivr.floor.FloorEvent.Resync;

/**
 * The live model of the floor, built from {@link FloorEvent}s. {@link #apply} must be called from
 * one thread at a time (the AMI feed's event thread); {@link #snapshot} may be called from any.
 * Counters are per day in the configured time zone and reset at midnight.
 */
public final class FloorModel {

    private final Clock clock;
    private final IvrProperties.Floor config;
    private final QueueCatalog catalog;
    private final SurgePolicy surgePolicy;
    private final Map<String, QueueState> queues = new TreeMap<>();
    private final Map<String, AgentState> agents = new TreeMap<>();
    private LocalDate day;
    private SurgeLevel surge = SurgeLevel.NONE;
    private volatile FloorSnapshot snapshot;

    public FloorModel(Clock clock, IvrProperties.Floor config, QueueCatalog catalog) {
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        catalog.names().forEach(this::queue); // every configured queue is on the floor, calls or not
        this.surgePolicy = new SurgePolicy(config.surge());
        this.day = LocalDate.ofInstant(clock.instant(), config.timeZone());
        this.snapshot = build(clock.instant());
    }

    public FloorSnapshot snapshot() {
        return snapshot;
    }

    /** Applies an event; returns the surge change it caused, if any. */
    Optional<SurgeLevelChanged> apply(FloorEvent event) {
        Instant now = clock.instant();
        rollDay(now);
        agents.values().forEach(a -> a.settle(now));
        switch (event) {
            case CallerJoined e -> queue(e.queue()).joined(e.callerId(), now);
            case CallerLeft e -> queue(e.queue()).waiting.remove(e.callerId());
            case CallerAbandoned e -> {
                QueueState q = queue(e.queue());
                q.waiting.remove(e.callerId());
                q.abandoned++;
            }
            case AgentRinging e -> agent(e.agent(), now).moveTo(AgentStatus.RINGING, null, now);
            case AgentNoAnswer e -> {
                AgentState a = agent(e.agent(), now);
                a.rang(e.rang());
                if (a.status == AgentStatus.RINGING) {
                    a.moveTo(AgentStatus.AVAILABLE, null, now);
                }
            }
            case AgentConnected e -> connected(e, now);
            case AgentCompleted e -> completed(e, now);
            case MemberState e -> memberState(e, now);
            case MemberRemoved e -> {
                AgentState a = agent(e.agent(), now);
                a.queues.remove(e.queue());
                if (a.queues.isEmpty()) {
                    a.moveTo(AgentStatus.LOGGED_OUT, null, now);
                }
            }
            case Resync e -> resync(e, now);
        }
        FloorSnapshot next = build(now);
        snapshot = next;
        return surgeChange(next, now);
    }

    /** Re-evaluates time-based figures (wrap-up ends, waits grow) without an event. */
    Optional<SurgeLevelChanged> tick() {
        Instant now = clock.instant();
        rollDay(now);
        agents.values().forEach(a -> a.settle(now));
        FloorSnapshot next = build(now);
        snapshot = next;
        return surgeChange(next, now);
    }

    private void connected(AgentConnected e, Instant now) {
        QueueState q = queue(e.queue());
        q.answered(e.callerId(), e.held());
        AgentState a = agent(e.agent(), now);
        a.rang(e.rang());
        a.moveTo(AgentStatus.ON_CALL, null, now);
    }

    private void completed(AgentCompleted e, Instant now) {
        QueueState q = queue(e.queue());
        q.completed++;
        q.talkSeconds += e.talked().toSeconds();
        AgentState a = agent(e.agent(), now);
        a.callsHandled++;
        if (e.wrapUpSeconds() > 0) {
            a.wrapUpUntil = now.plusSeconds(e.wrapUpSeconds());
            a.moveTo(AgentStatus.WRAP_UP, null, now);
        } else {
            a.moveTo(AgentStatus.AVAILABLE, null, now);
        }
    }

    private void memberState(MemberState e, Instant now) {
        AgentState a = agent(e.agent(), now);
        a.queues.add(e.queue());
        a.moveTo(statusOf(e, a, now), e.pausedReason(), now);
    }

    /** app_queue's member flags and device state (AST_DEVICE_*) to our status. */
    private static AgentStatus statusOf(MemberState e, AgentState current, Instant now) {
        if (e.paused()) {
            return AgentStatus.PAUSED;
        }
        if (e.inCall()) {
            return AgentStatus.ON_CALL;
        }
        return switch (e.deviceStatus()) {
            case 2, 3, 8 -> AgentStatus.ON_CALL;
            case 6, 7 -> AgentStatus.RINGING;
            case 4, 5 -> AgentStatus.UNAVAILABLE;
            default -> now.isBefore(current.wrapUpUntil) ? AgentStatus.WRAP_UP
                    : current.status == AgentStatus.RINGING ? AgentStatus.RINGING : AgentStatus.AVAILABLE;
        };
    }

    private void resync(Resync e, Instant now) {
        for (AgentState a : agents.values()) {
            a.queues.clear();
        }
        for (MemberState m : e.members()) {
            memberState(m, now);
        }
        for (AgentState a : agents.values()) {
            if (a.queues.isEmpty()) {
                a.moveTo(AgentStatus.LOGGED_OUT, null, now);
            }
        }
        queues.values().forEach(q -> q.waiting.clear());
        for (Resync.Waiting w : e.waiting()) {
            queue(w.queue()).waiting.put(w.callerId(), now.minus(w.waited()));
        }
    }

    private void rollDay(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, config.timeZone());
        if (!today.equals(day)) {
            day = today;
            queues.values().forEach(QueueState::resetCounters);
            agents.values().forEach(a -> a.resetCounters(now));
        }
    }

    private Optional<SurgeLevelChanged> surgeChange(FloorSnapshot s, Instant now) {
        if (s.surge() == surge) {
            return Optional.empty();
        }
        int waiting = s.queues().stream().mapToInt(FloorSnapshot.QueueFigures::waiting).sum();
        long longest = s.queues().stream().mapToLong(FloorSnapshot.QueueFigures::longestWaitSeconds).max().orElse(0);
        SurgeLevelChanged change = new SurgeLevelChanged(now, surge, s.surge(), waiting, longest);
        surge = s.surge();
        return Optional.of(change);
    }

    private FloorSnapshot build(Instant now) {
        List<FloorSnapshot.QueueFigures> qs = queues.values().stream().map(q -> q.figures(now)).toList();
        List<FloorSnapshot.AgentView> as = agents.values().stream()
                .map(a -> new FloorSnapshot.AgentView(a.agent, a.status, a.pausedReason,
                        Duration.between(a.since, now).toSeconds(), List.copyOf(a.queues), a.callsHandled))
                .sorted(Comparator.comparing(FloorSnapshot.AgentView::agent))
                .toList();
        int waiting = qs.stream().mapToInt(FloorSnapshot.QueueFigures::waiting).sum();
        long longest = qs.stream().mapToLong(FloorSnapshot.QueueFigures::longestWaitSeconds).max().orElse(0);
        return new FloorSnapshot(now, qs, as, rates(now), surgePolicy.levelFor(waiting, longest));
    }

    private FloorSnapshot.FloorRates rates(Instant now) {
        long rings = 0;
        long ringMs = 0;
        long loggedIn = 0;
        long paused = 0;
        long busy = 0;
        for (AgentState a : agents.values()) {
            rings += a.rings;
            ringMs += a.ringMillis;
            long[] booked = a.bookedAsOf(now);
            loggedIn += booked[0];
            paused += booked[1];
            busy += booked[2];
        }
        List<String> roster = config.roster().isEmpty() ? new ArrayList<>(agents.keySet()) : config.roster();
        long present = roster.stream().map(agents::get)
                .filter(a -> a != null && a.status != AgentStatus.LOGGED_OUT).count();
        return new FloorSnapshot.FloorRates(rings == 0 ? 0 : ringMs / 1000.0 / rings,
                roster.isEmpty() ? 0 : (double) present / roster.size(),
                loggedIn == 0 ? 0 : (double) paused / loggedIn,
                loggedIn == 0 ? 0 : (double) busy / loggedIn);
    }

    private QueueState queue(String name) {
        return queues.computeIfAbsent(name, n -> new QueueState(n, catalog.serviceLevel(n)));
    }

    private AgentState agent(String id, Instant now) {
        return agents.computeIfAbsent(id, k -> new AgentState(k, now));
    }
}

package org.callcentre.recording.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The pipeline's meters (README, "Pipeline metrics"), read under {@code /actuator/metrics}:
 * <ul>
 * <li>{@code callcentre.recording.backlog} (gauge, tag {@code stage}): jobs waiting to be
 *     transcribed or indexed, counted in the job table when read;
 * <li>{@code callcentre.recording.hangup.to.searchable} (timer): from a call's hang-up until its
 *     documents are first in the index;
 * <li>{@code callcentre.recording.decode.seconds.per.audio.second} (distribution summary): one
 *     sample per decoded call, the decoder's time over both directions per second of the call;
 * <li>{@code callcentre.recording.failures} (counter, tags {@code reason} from
 *     {@link FailureReason}, {@code stage}, {@code outcome}: retry, postponed, failed, abandoned).
 * </ul>
 * Thread-safe, as Micrometer's meters are.
 */
final class PipelineMetrics {

    static final String BACKLOG = "callcentre.recording.backlog";
    static final String SEARCHABLE = "callcentre.recording.hangup.to.searchable";
    static final String DECODE = "callcentre.recording.decode.seconds.per.audio.second";
    static final String FAILURES = "callcentre.recording.failures";

    /** What became of the job after a failed attempt. */
    enum Outcome { RETRY, POSTPONED, FAILED, ABANDONED }

    private final MeterRegistry registry;
    private final Timer searchable;
    private final DistributionSummary decode;

    PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.searchable = Timer.builder(SEARCHABLE)
                .description("Time from a call's hang-up until it is searchable (first indexed)")
                .publishPercentiles(0.5, 0.95)
                .register(registry);
        this.decode = DistributionSummary.builder(DECODE)
                .description("Seconds of decoding (both directions) per second of recorded call")
                .publishPercentiles(0.5, 0.95)
                .register(registry);
    }

    /**
     * Registers the backlog gauges, one per pending stage, each asking {@code waitingAt} when it
     * is read (a count in the job table, not a number kept in this process: the table is shared
     * by every instance).
     */
    void backlog(ToLongFunction<Stage> waitingAt) {
        for (Stage stage : new Stage[] {Stage.TRANSCRIBE, Stage.INDEX}) {
            Gauge.builder(BACKLOG, () -> waitingAt.applyAsLong(stage))
                    .description("Recording jobs waiting to be transcribed or indexed")
                    .tag("stage", tag(stage))
                    .register(registry);
        }
    }

    void searchable(Duration sinceHangUp) {
        searchable.record(sinceHangUp.isNegative() ? Duration.ZERO : sinceHangUp);
    }

    void decoded(Duration decoding, double audioSeconds) {
        if (audioSeconds > 0) {
            decode.record(decoding.toNanos() / 1e9 / audioSeconds);
        }
    }

    void failed(FailureReason reason, Stage stage, Outcome outcome) {
        Counter.builder(FAILURES)
                .description("Attempts at recording jobs that did not succeed, by reason and what followed")
                .tag("reason", reason.tag())
                .tag("stage", tag(stage))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    private static String tag(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}

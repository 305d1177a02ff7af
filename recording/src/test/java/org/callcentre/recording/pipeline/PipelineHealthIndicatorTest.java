package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pipeline health component: the backlog of jobs not yet indexed, and when it counts as behind. */
class PipelineHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final InstanceId HOLDER = new InstanceId("host-a:4573");

    private final JdbcClient jdbc = TestDatabase.create();
    private final RecordingJobs jobs = new RecordingJobs(jdbc, new PipelineMetrics(new SimpleMeterRegistry()));

    @Test
    void withNothingWaitingThePipelineIsUp() {
        Health health = health(1000, Duration.ofMinutes(10));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("waiting", 0L).containsEntry("running", 0L)
                .containsEntry("oldestWait", "PT0S").doesNotContainKey("oldestCallEndedAt");
    }

    @Test
    void jobsNotYetIndexedAreCountedRunningOrNotAndFinishedOnesAreNot() {
        String done = call(NOW.minusSeconds(30), NOW);
        call(NOW.minusSeconds(40), NOW);
        for (RecordingJob finished : jobs.claimDue(NOW, 2, Duration.ofMinutes(1), 5, HOLDER)) {
            if (finished.callId().equals(done)) {
                jobs.indexed(finished, 0, NOW);
            } else {
                jobs.failed(finished, FailureReason.UNUSABLE_RECORDING, "unusable", NOW);
            }
        }
        String running = call(NOW.minusSeconds(20), NOW.minusSeconds(5));
        call(NOW.minusSeconds(10), NOW);
        assertThat(jobs.claimDue(NOW, 1, Duration.ofMinutes(1), 5, HOLDER)).extracting(RecordingJob::callId)
                .containsExactly(running);

        Health health = health(1000, Duration.ofMinutes(10));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("waiting", 2L).containsEntry("running", 1L)
                .containsEntry("oldestWait", "PT20S").containsEntry("oldestCallEndedAt", "2026-03-02T09:59:40Z");
    }

    @Test
    void aCallWaitingLongerThanTheWaitLimitDegradesThePipelineButDoesNotTakeItDown() {
        call(NOW.minus(Duration.ofMinutes(11)), NOW);

        Health health = health(1000, Duration.ofMinutes(10));

        assertThat(health.getStatus()).isEqualTo(PipelineHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("oldestWait", "PT11M")
                .containsEntry("reason", "a call that ended more than PT10M ago is not searchable yet");
    }

    @Test
    void moreWaitingJobsThanTheBacklogLimitDegradeThePipeline() {
        for (int i = 0; i < 3; i++) {
            call(NOW.minusSeconds(5), NOW);
        }

        Health health = health(2, Duration.ofMinutes(10));

        assertThat(health.getStatus()).isEqualTo(PipelineHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("waiting", 3L)
                .containsEntry("reason", "more than 2 jobs wait");
    }

    @Test
    void aJobTableThatCannotBeReadIsDown() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:no-tables-" + UUID.randomUUID());

        Health health = new PipelineHealthIndicator(JdbcClient.create(empty), config(1000, Duration.ofMinutes(10)),
                Clock.fixed(NOW, ZoneOffset.UTC)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).startsWith("cannot read the recording jobs");
    }

    private Health health(int backlogLimit, Duration waitLimit) {
        return new PipelineHealthIndicator(jdbc, config(backlogLimit, waitLimit), Clock.fixed(NOW, ZoneOffset.UTC))
                .health();
    }

    /** Enqueues a call that ended at {@code ended}, its job due at {@code due}. */
    private String call(Instant ended, Instant due) {
        String callId = "call-" + UUID.randomUUID();
        jobs.enqueue(new CallEnded(callId, ended.minusSeconds(60), ended, CallOutcome.ANSWERED, "queue", "0000",
                "returns-exchanges-repairs", "support", "agent1", callId + ".wav16"), due, NOW);
        return callId;
    }

    private static RecordingProperties config(int backlogLimit, Duration waitLimit) {
        Duration d = Duration.ofSeconds(1);
        var limits = new RecordingProperties.Pipeline.HealthLimits(backlogLimit, waitLimit);
        return new RecordingProperties(Path.of("spool"), Path.of("model"), 0,
                new RecordingProperties.Pipeline(d, d, 5, d, Duration.ofMinutes(1), Duration.ofSeconds(20), 1, d, d,
                        limits),
                null, null, null, null);
    }
}

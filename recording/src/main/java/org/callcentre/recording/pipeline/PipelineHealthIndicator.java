package org.callcentre.recording.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.callcentre.recording.RecordingProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code pipeline} component of the server's health: how many recording jobs wait (not yet
 * indexed, whether a worker runs them now or not) and how long ago the call of the oldest ended,
 * from one aggregate query over the job table's stage index. {@link #DEGRADED} above the limits
 * of {@code callcentre.recording.pipeline.health}, never DOWN for a backlog: the server still
 * answers and records calls, only their transcripts are late, and the components that hold the
 * pipeline up (elasticsearch, recordingStore, db) are DOWN in their own right. DOWN only when the
 * job table cannot be read.
 */
@Component
class PipelineHealthIndicator implements HealthIndicator {

    /**
     * Working, but behind. Ordered between OUT_OF_SERVICE and UP by
     * {@code management.endpoint.health.status.order}; answered with HTTP 200.
     */
    static final Status DEGRADED = new Status("DEGRADED");

    private final JdbcClient jdbc;
    private final RecordingProperties.Pipeline.HealthLimits limits;
    private final Clock clock;

    PipelineHealthIndicator(JdbcClient jdbc, RecordingProperties config, Clock clock) {
        this.jdbc = jdbc;
        this.limits = config.pipeline().health();
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Backlog backlog;
        try {
            backlog = backlog(now);
        } catch (DataAccessException e) {
            return Health.down().withDetail("error", "cannot read the recording jobs: " + e.getMessage()).build();
        }
        Duration oldestWait = backlog.oldestCallEnded() == null ? Duration.ZERO
                : Duration.between(backlog.oldestCallEnded(), now).truncatedTo(ChronoUnit.SECONDS);
        Health.Builder health;
        if (backlog.waiting() > limits.backlogLimit()) {
            health = Health.status(DEGRADED).withDetail("reason", "more than " + limits.backlogLimit()
                    + " jobs wait");
        } else if (oldestWait.compareTo(limits.waitLimit()) > 0) {
            health = Health.status(DEGRADED).withDetail("reason", "a call that ended more than "
                    + limits.waitLimit() + " ago is not searchable yet");
        } else {
            health = Health.up();
        }
        health.withDetail("waiting", backlog.waiting())
                .withDetail("running", backlog.running())
                .withDetail("oldestWait", oldestWait.toString());
        if (backlog.oldestCallEnded() != null) {
            health.withDetail("oldestCallEndedAt", backlog.oldestCallEnded().toString());
        }
        return health.withDetail("backlogLimit", limits.backlogLimit())
                .withDetail("waitLimit", limits.waitLimit().toString())
                .build();
    }

    private Backlog backlog(Instant now) {
        return jdbc.sql("""
                        select count(*) as waiting,
                            coalesce(sum(case when lease_until >= ? then 1 else 0 end), 0) as running,
                            min(call_ended_at) as oldest
                        from recording_job where stage in ('TRANSCRIBE', 'INDEX')
                        """)
                .param(Timestamp.from(now))
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("waiting"), rs.getLong("running"),
                            oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    /** Jobs not yet indexed, those of them leased by a worker now, and when the oldest one's call ended. */
    private record Backlog(long waiting, long running, Instant oldestCallEnded) {
    }
}

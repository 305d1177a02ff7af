package org.callcentre.recording.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callcentre.ivr.CallDispositioned;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.recording.redaction.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job table. Claiming is a conditional update of the lease, which records its holder (the
 * server instance) and when it was taken, so two workers (or two server instances) never run the
 * same job at once. A running job's lease is renewed; a job whose worker died is claimable again
 * once its lease has run out, or at once when its own instance restarts (ADR 19). Each write that
 * ends an attempt requires the claim it was made under, so a worker whose lease was taken over
 * writes nothing.
 */
class RecordingJobs {

    private static final Logger log = LoggerFactory.getLogger(RecordingJobs.class);
    private static final TypeReference<List<RecordingPause>> PAUSES = new TypeReference<>() { };
    /** The condition on a claim: holder and taken-at unchanged since the worker claimed. */
    private static final String HELD = " call_id = ? and lease_holder = ? and lease_taken_at = ?";

    private final JdbcClient jdbc;
    private final PipelineMetrics metrics;
    private final JsonMapper json = JsonMapper.builder().build();

    RecordingJobs(JdbcClient jdbc, PipelineMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Adds the call's job unless it exists (events may be delivered again after a crash). */
    void enqueue(CallEnded e, Instant due, Instant now) {
        String pauses = e.recordingPauses().isEmpty() ? null : json.writeValueAsString(e.recordingPauses());
        jdbc.sql("""
                        insert into recording_job (call_id, recording_name, call_started_at, call_ended_at, outcome,
                            last_node, menu_choice, queue_name, agent, recording_pauses, ivr_recording_name, stage,
                            attempts, due_at, created_at, updated_at)
                        select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'TRANSCRIBE', 0, ?, ?, ?
                        where not exists (select 1 from recording_job where call_id = ?)
                        """)
                .params(e.callId(), e.recordingName(), ts(e.startedAt()), ts(e.endedAt()), e.outcome().name(),
                        e.lastNode(), e.menuChoice(), e.queue(), e.agent(), pauses, e.ivrRecordingName(), ts(due),
                        ts(now), ts(now),
                        e.callId())
                .update();
    }

    /** The stretches in which the call's recording was paused, in order. */
    List<RecordingPause> pauses(String callId) {
        return jdbc.sql("select recording_pauses from recording_job where call_id = ?").param(callId)
                .query(String.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst()
                .map(s -> json.readValue(s, PAUSES))
                .orElse(List.of());
    }

    /**
     * Claims up to {@code max} due jobs for {@code holder}, counting the attempt as it is claimed:
     * a recording that kills the server every time (a native crash in the decoder) still runs
     * out of attempts, and is failed here instead of being claimed again. The claim requires the
     * job as it was read (stage, attempts, lease free), so a job another worker finished meanwhile
     * is not run again.
     */
    List<RecordingJob> claimDue(Instant now, int max, Duration lease, int maxAttempts, InstanceId holder) {
        List<RecordingJob> due = jdbc.sql("""
                        select * from recording_job
                        where stage in ('TRANSCRIBE', 'INDEX') and due_at <= ?
                          and (lease_until is null or lease_until < ?)
                        order by due_at fetch first ? rows only
                        """)
                .params(ts(now), ts(now), max)
                .query(RecordingJobs::job)
                .list();
        Claim claim = new Claim(holder, now.truncatedTo(ChronoUnit.MILLIS)); // as every database keeps it
        List<RecordingJob> claimed = new ArrayList<>();
        for (RecordingJob job : due) {
            if (job.attempts() >= maxAttempts) {
                int failed = jdbc.sql("""
                                update recording_job set stage = 'FAILED', last_error = ?, lease_until = null,
                                    lease_holder = null, lease_taken_at = null, updated_at = ?
                                where call_id = ? and attempts = ? and (lease_until is null or lease_until < ?)
                                """)
                        .params(truncate("gave up after " + job.attempts() + " attempts that never finished (last: "
                                + job.lastError() + ")"), ts(now), job.callId(), job.attempts(), ts(now))
                        .update();
                if (failed == 1) {
                    metrics.failed(FailureReason.ATTEMPTS_UNFINISHED, job.stage(), PipelineMetrics.Outcome.FAILED);
                }
                continue;
            }
            int won = jdbc.sql("""
                            update recording_job set lease_holder = ?, lease_taken_at = ?, lease_until = ?,
                                attempts = attempts + 1, updated_at = ?
                            where call_id = ? and stage = ? and attempts = ?
                              and (lease_until is null or lease_until < ?)
                            """)
                    .params(holder.value(), ts(claim.takenAt()), ts(now.plus(lease)), ts(now), job.callId(),
                            job.stage().name(), job.attempts(), ts(now))
                    .update();
            if (won == 1) {
                if (job.claim() != null) {
                    log.info("Took over the job of call {} from {}, whose lease taken at {} ran out",
                            job.callId(), job.claim().holder(), job.claim().takenAt());
                    metrics.failed(FailureReason.LEASE_EXPIRED, job.stage(), PipelineMetrics.Outcome.RETRY);
                }
                claimed.add(job.claimed(claim));
            }
        }
        return claimed;
    }

    /**
     * Extends a running job's lease to {@code until}, if its claim still holds: false when the
     * lease was taken over (or the job has ended), so the worker knows it no longer holds it.
     */
    boolean renew(RecordingJob job, Instant until) {
        return jdbc.sql("update recording_job set lease_until = ? where" + HELD)
                .params(ts(until), job.callId(), job.claim().holder().value(), ts(job.claim().takenAt()))
                .update() == 1;
    }

    /**
     * Releases the leases {@code holder} holds, so their jobs are claimable at once: called as the
     * instance starts, before it claims anything, every such lease is its previous run's, which
     * died with it. The attempt that run made stays counted.
     *
     * @return the released jobs, with the claims they were under
     */
    List<RecordingJob> reclaim(InstanceId holder, Instant now) {
        List<RecordingJob> held = jdbc.sql("select * from recording_job where lease_holder = ?")
                .param(holder.value())
                .query(RecordingJobs::job)
                .list();
        List<RecordingJob> released = new ArrayList<>();
        for (RecordingJob job : held) {
            int updated = jdbc.sql("""
                            update recording_job set lease_until = null, lease_holder = null, lease_taken_at = null,
                                last_error = ?, updated_at = ? where""" + HELD)
                    .params("server instance " + holder + " stopped during attempt " + job.attempts(), ts(now),
                            job.callId(), holder.value(), ts(job.claim().takenAt()))
                    .update();
            if (updated == 1) {
                metrics.failed(FailureReason.SERVER_STOPPED, job.stage(), PipelineMetrics.Outcome.RETRY);
                released.add(job);
            }
        }
        return released;
    }

    /** The lease on a job as it is now: who holds it and since when; empty when nobody does. */
    Optional<Claim> claimOf(String callId) {
        return jdbc.sql("select lease_holder, lease_taken_at from recording_job where call_id = ?").param(callId)
                .query((rs, n) -> claim(rs)).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Stores the (redacted) transcript and its redaction log, and moves the job to INDEX, at once.
     *
     * @throws LeaseLost when the job's lease was taken over: nothing is stored
     */
    @Transactional
    void transcribed(RecordingJob job, String utterancesJson, List<Redaction.Masked> masked, Instant now) {
        String callId = job.callId();
        // indexing follows in the same claim: it is the INDEX stage's first attempt, still leased
        held(job, jdbc.sql("""
                        update recording_job set stage = 'INDEX', attempts = 1, last_error = null, due_at = ?,
                            updated_at = ? where""" + HELD)
                .params(ts(now), ts(now), callId, job.claim().holder().value(), ts(job.claim().takenAt()))
                .update());
        jdbc.sql("delete from transcript where call_id = ?").param(callId).update();
        jdbc.sql("delete from redaction_log where call_id = ?").param(callId).update();
        for (int i = 0; i < masked.size(); i++) {
            Redaction.Masked m = masked.get(i);
            jdbc.sql("""
                            insert into redaction_log (call_id, seq, speaker, start_seconds, end_seconds, kind, words,
                                created_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(callId, i, m.speaker().name(), m.start(), m.end(), m.kind(), m.words(), ts(now))
                    .update();
        }
        jdbc.sql("insert into transcript (call_id, utterances, created_at) values (?, ?, ?)")
                .params(callId, utterancesJson, ts(now)).update();
    }

    Optional<String> transcript(String callId) {
        return jdbc.sql("select utterances from transcript where call_id = ?").param(callId)
                .query(String.class).optional();
    }

    /**
     * The call is in the index with the wrap-up of revision {@code dispositionIndexed} (0: none).
     * If the agent changed the wrap-up meanwhile, the call is indexed again. The first time, the
     * call has become searchable: its time from hang-up is measured.
     *
     * @throws LeaseLost when the job's lease was taken over
     */
    void indexed(RecordingJob job, int dispositionIndexed, Instant now) {
        held(job, jdbc.sql("""
                        update recording_job set last_error = null, lease_until = null, lease_holder = null,
                            lease_taken_at = null, updated_at = ?, due_at = ?, indexed_at = coalesce(indexed_at, ?),
                            stage = case when exists (select 1 from recording_wrap_up d where d.call_id = ?
                                and d.revision > ?) then 'INDEX' else 'DONE' end,
                            attempts = 0
                        where""" + HELD)
                .params(ts(now), ts(now), ts(now), job.callId(), dispositionIndexed, job.callId(),
                        job.claim().holder().value(), ts(job.claim().takenAt()))
                .update());
        if (job.indexedAt() == null) {
            metrics.searchable(Duration.between(job.endedAt(), now));
        }
    }

    /**
     * Stores the agent's wrap-up (a later one replaces it, with a higher revision) and, if the
     * call is already indexed, has it indexed again. A call whose job is still pending picks the
     * wrap-up up when it is indexed; one not yet enqueued, when it is.
     */
    @Transactional
    void dispositioned(CallDispositioned d, Instant now) {
        int updated = jdbc.sql("""
                        update recording_wrap_up set agent = ?, business_type = ?, resolved = ?, follow_up = ?,
                            dispositioned_at = ?, revision = revision + 1 where call_id = ?
                        """)
                .params(d.agent(), d.businessType(), d.resolved(), d.followUp(), ts(d.at()), d.callId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into recording_wrap_up (call_id, agent, business_type, resolved, follow_up,
                                dispositioned_at, revision) values (?, ?, ?, ?, ?, ?, 1)
                            """)
                    .params(d.callId(), d.agent(), d.businessType(), d.resolved(), d.followUp(), ts(d.at()))
                    .update();
        }
        jdbc.sql("""
                        update recording_job set stage = 'INDEX', attempts = 0, due_at = ?, updated_at = ?
                        where call_id = ? and stage = 'DONE'
                        """)
                .params(ts(now), ts(now), d.callId())
                .update();
    }

    Optional<StoredDisposition> disposition(String callId) {
        return jdbc.sql("select business_type, resolved, follow_up, revision from recording_wrap_up where call_id = ?")
                .param(callId)
                .query((rs, n) -> new StoredDisposition(rs.getString("business_type"), rs.getBoolean("resolved"),
                        rs.getBoolean("follow_up"), rs.getInt("revision")))
                .optional();
    }

    /** A call's wrap-up as last stored, and its revision. */
    record StoredDisposition(String businessType, boolean resolved, boolean followUp, int revision) {
    }

    /**
     * Schedules another attempt, or fails the job for good once attempts run out.
     *
     * @throws LeaseLost (as every write below) when the job's lease was taken over
     */
    void attemptFailed(RecordingJob job, FailureReason reason, String error, Duration firstBackoff, int maxAttempts,
            Instant now) {
        int attempts = job.attempts();
        if (attempts >= maxAttempts) {
            failed(job, reason, error + " (after " + attempts + " attempts)", now);
            return;
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 10));
        reschedule(job, attempts, error, now.plus(backoff), now);
        metrics.failed(reason, job.stage(), PipelineMetrics.Outcome.RETRY);
    }

    /**
     * Tries again later without spending an attempt: the job is fine, a dependency (the index)
     * is down, and an outage must only delay the work.
     */
    void postponed(RecordingJob job, FailureReason reason, String error, Duration delay, Instant now) {
        reschedule(job, job.attempts() - 1, error, now.plus(delay), now);
        metrics.failed(reason, job.stage(), PipelineMetrics.Outcome.POSTPONED);
    }

    private void reschedule(RecordingJob job, int attempts, String error, Instant due, Instant now) {
        held(job, jdbc.sql("""
                        update recording_job set attempts = ?, last_error = ?, due_at = ?, lease_until = null,
                            lease_holder = null, lease_taken_at = null, updated_at = ? where""" + HELD)
                .params(attempts, truncate(error), ts(due), ts(now), job.callId(), job.claim().holder().value(),
                        ts(job.claim().takenAt()))
                .update());
    }

    /** Fails the job for good, with the reason operators read. */
    void failed(RecordingJob job, FailureReason reason, String message, Instant now) {
        held(job, jdbc.sql("""
                        update recording_job set stage = 'FAILED', last_error = ?, lease_until = null,
                            lease_holder = null, lease_taken_at = null, updated_at = ? where""" + HELD)
                .params(truncate(message), ts(now), job.callId(), job.claim().holder().value(),
                        ts(job.claim().takenAt()))
                .update());
        metrics.failed(reason, job.stage(), PipelineMetrics.Outcome.FAILED);
    }

    /** Stops with {@link LeaseLost} unless the write under the job's claim found its row. */
    private void held(RecordingJob job, int updated) {
        if (updated != 1) {
            metrics.failed(FailureReason.LEASE_LOST, job.stage(), PipelineMetrics.Outcome.ABANDONED);
            throw new LeaseLost(job.callId(), job.claim());
        }
    }

    /** Jobs waiting at a stage, due or not, claimed or not: the backlog. */
    long waiting(Stage stage) {
        return jdbc.sql("select count(*) from recording_job where stage = ?").param(stage.name())
                .query(Long.class).single();
    }

    /** The jobs in one state, most recently changed first: the operations view. */
    List<JobView> inState(Stage stage, int limit) {
        return jdbc.sql("""
                        select call_id, recording_name, stage, attempts, last_error, call_ended_at, updated_at,
                            lease_holder, lease_taken_at, lease_until
                        from recording_job where stage = ? order by updated_at desc fetch first ? rows only
                        """)
                .params(stage.name(), limit)
                .query((rs, n) -> new JobView(rs.getString("call_id"), rs.getString("recording_name"),
                        Stage.valueOf(rs.getString("stage")), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("call_ended_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("lease_holder"), instant(rs, "lease_taken_at"), instant(rs, "lease_until")))
                .list();
    }

    Optional<JobStatus> status(String callId) {
        return jdbc.sql("select stage, attempts, last_error from recording_job where call_id = ?").param(callId)
                .query((rs, n) -> new JobStatus(rs.getString("stage"), rs.getInt("attempts"),
                        rs.getString("last_error")))
                .optional();
    }

    record JobStatus(String stage, int attempts, String lastError) {
    }

    private static RecordingJob job(ResultSet rs, int n) throws SQLException {
        return new RecordingJob(rs.getString("call_id"), rs.getString("recording_name"),
                rs.getTimestamp("call_started_at").toInstant(), rs.getTimestamp("call_ended_at").toInstant(),
                rs.getString("outcome"), rs.getString("last_node"), rs.getString("menu_choice"),
                rs.getString("queue_name"), rs.getString("agent"), rs.getString("ivr_recording_name"),
                Stage.valueOf(rs.getString("stage")),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "indexed_at"), claim(rs));
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        String holder = rs.getString("lease_holder");
        return holder == null ? null : new Claim(new InstanceId(holder), instant(rs, "lease_taken_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}

package org.callcentre.recording.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callcentre.ivr.CallDispositioned;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.recording.redaction.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job table. Claiming is a conditional update of the lease, so two workers (or two server
 * instances) never run the same job at once, and a job whose worker died is claimable again
 * once its lease has run out.
 */
class RecordingJobs {

    private static final TypeReference<List<RecordingPause>> PAUSES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    RecordingJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     * Claims up to {@code max} due jobs, counting the attempt as it is claimed: a recording that
     * kills the server every time (a native crash in the decoder) still runs out of attempts, and
     * is failed here instead of being claimed again once its lease expires.
     */
    List<RecordingJob> claimDue(Instant now, int max, Duration lease, int maxAttempts) {
        List<RecordingJob> due = jdbc.sql("""
                        select * from recording_job
                        where stage in ('TRANSCRIBE', 'INDEX') and due_at <= ?
                          and (lease_until is null or lease_until < ?)
                        order by due_at fetch first ? rows only
                        """)
                .params(ts(now), ts(now), max)
                .query(RecordingJobs::job)
                .list();
        List<RecordingJob> claimed = new ArrayList<>();
        for (RecordingJob job : due) {
            if (job.attempts() >= maxAttempts) {
                failed(job.callId(), "gave up after " + job.attempts() + " attempts that never finished (last: "
                        + job.lastError() + ")", now);
                continue;
            }
            int won = jdbc.sql("""
                            update recording_job set lease_until = ?, attempts = attempts + 1, updated_at = ?
                            where call_id = ? and (lease_until is null or lease_until < ?)
                            """)
                    .params(ts(now.plus(lease)), ts(now), job.callId(), ts(now))
                    .update();
            if (won == 1) {
                claimed.add(job.claimed());
            }
        }
        return claimed;
    }

    /** Stores the (redacted) transcript and its redaction log, and moves the job to INDEX, at once. */
    @Transactional
    void transcribed(String callId, String utterancesJson, List<Redaction.Masked> masked, Instant now) {
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
        // indexing follows in the same claim: it is the INDEX stage's first attempt, still leased
        jdbc.sql("""
                        update recording_job set stage = 'INDEX', attempts = 1, last_error = null, due_at = ?,
                            updated_at = ? where call_id = ?
                        """)
                .params(ts(now), ts(now), callId)
                .update();
    }

    Optional<String> transcript(String callId) {
        return jdbc.sql("select utterances from transcript where call_id = ?").param(callId)
                .query(String.class).optional();
    }

    /**
     * The call is in the index with the wrap-up of revision {@code dispositionIndexed} (0: none).
     * If the agent changed the wrap-up meanwhile, the call is indexed again.
     */
    void indexed(String callId, int dispositionIndexed, Instant now) {
        jdbc.sql("""
                        update recording_job set last_error = null, lease_until = null, updated_at = ?, due_at = ?,
                            stage = case when exists (select 1 from recording_wrap_up d where d.call_id = ?
                                and d.revision > ?) then 'INDEX' else 'DONE' end,
                            attempts = 0
                        where call_id = ?
                        """)
                .params(ts(now), ts(now), callId, dispositionIndexed, callId)
                .update();
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

    /** Schedules another attempt, or fails the job for good once attempts run out. */
    void attemptFailed(RecordingJob job, String error, Duration firstBackoff, int maxAttempts, Instant now) {
        int attempts = job.attempts();
        if (attempts >= maxAttempts) {
            failed(job.callId(), error + " (after " + attempts + " attempts)", now);
            return;
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 10));
        reschedule(job, attempts, error, now.plus(backoff), now);
    }

    /**
     * Tries again later without spending an attempt: the job is fine, a dependency (the index)
     * is down, and an outage must only delay the work.
     */
    void postponed(RecordingJob job, String error, Duration delay, Instant now) {
        reschedule(job, job.attempts() - 1, error, now.plus(delay), now);
    }

    private void reschedule(RecordingJob job, int attempts, String error, Instant due, Instant now) {
        jdbc.sql("""
                        update recording_job set attempts = ?, last_error = ?, due_at = ?, lease_until = null,
                            updated_at = ? where call_id = ?
                        """)
                .params(attempts, truncate(error), ts(due), ts(now), job.callId())
                .update();
    }

    void failed(String callId, String reason, Instant now) {
        jdbc.sql("""
                        update recording_job set stage = 'FAILED', last_error = ?, lease_until = null, updated_at = ?
                        where call_id = ?
                        """)
                .params(truncate(reason), ts(now), callId)
                .update();
    }

    /** The jobs in one state, most recently changed first: the operations view. */
    List<JobView> inState(Stage stage, int limit) {
        return jdbc.sql("""
                        select call_id, recording_name, stage, attempts, last_error, call_ended_at, updated_at
                        from recording_job where stage = ? order by updated_at desc fetch first ? rows only
                        """)
                .params(stage.name(), limit)
                .query((rs, n) -> new JobView(rs.getString("call_id"), rs.getString("recording_name"),
                        Stage.valueOf(rs.getString("stage")), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("call_ended_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
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
                rs.getInt("attempts"), rs.getString("last_error"));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}

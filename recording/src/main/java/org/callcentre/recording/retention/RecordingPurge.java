package org.callcentre.recording.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.callcentre.recording.CallSearch.IndexUnavailable;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.RecordingStoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the recordings, transcripts and index documents of calls past retention, and writes
 * an audit row for each. Deletion goes index, transcript, recording, then audit: a purge stopped
 * half way (crash, index down) is finished by the next run, every step being repeatable.
 */
final class RecordingPurge {

    private static final Logger log = LoggerFactory.getLogger(RecordingPurge.class);

    private final JdbcClient jdbc;
    private final RecordingStore store;
    private final CallIndex index;
    private final RetentionPolicy policy;
    private final Clock clock;

    RecordingPurge(JdbcClient jdbc, RecordingStore store, CallIndex index, RetentionPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.index = index;
        this.policy = policy;
        this.clock = clock;
    }

    private record Candidate(String callId, String queue, Instant ended) {
    }

    /** Purges what is past retention now; returns how many calls were purged. */
    int purge() {
        Instant now = clock.instant();
        List<Candidate> candidates = jdbc.sql("""
                        select call_id, queue_name, call_ended_at from recording_job
                        where call_ended_at < ? and stage <> 'PURGED' order by call_ended_at
                        """)
                .param(java.sql.Timestamp.from(policy.earliestCutoff(now)))
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        int purged = 0;
        for (Candidate c : candidates) {
            if (!policy.expired(c.queue(), c.ended(), now)) {
                continue;
            }
            MDC.put("callId", c.callId());
            try {
                purge(c, now);
                purged++;
            } catch (IndexUnavailable | RecordingStoreUnavailable e) {
                log.warn("Purge of the call postponed to the next run: {}", e.getMessage());
            } finally {
                MDC.remove("callId");
            }
        }
        log.info("Retention purge: {} call(s) purged", purged);
        return purged;
    }

    private void purge(Candidate c, Instant now) {
        index.delete(c.callId());
        boolean transcript = jdbc.sql("delete from transcript where call_id = ?").param(c.callId()).update() > 0;
        jdbc.sql("delete from redaction_log where call_id = ?").param(c.callId()).update();
        int parts = store.deleteCall(c.callId());
        jdbc.sql("""
                        insert into recording_purge (call_id, queue_name, call_ended_at, retention, recording_parts,
                            transcript, purged_at) values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(c.callId(), c.queue(), java.sql.Timestamp.from(c.ended()), policy.of(c.queue()).toString(),
                        parts, transcript, java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("update recording_job set stage = 'PURGED', lease_until = null, updated_at = ? where call_id = ?")
                .params(java.sql.Timestamp.from(now), c.callId()).update();
    }
}

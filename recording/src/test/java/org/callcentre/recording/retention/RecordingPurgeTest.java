package org.callcentre.recording.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.callcentre.recording.RecordedCallIndex;
import org.callcentre.recording.TestDatabase;
import org.callcentre.recording.index.CallDocument;
import org.callcentre.recording.index.IndexedCall;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.RecordingStoreContract;
import org.callcentre.recording.storage.StoredPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class RecordingPurgeTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    private final JdbcClient jdbc = TestDatabase.create();
    private final RecordedCallIndex index = new RecordedCallIndex();
    private RecordingStore store;

    @Test
    void purgeRemovesWhatIsPastItsQueuesRetentionAndNothingElse() {
        store = new LocalRecordingStore(dir, RecordingStoreContract.cipher("k1"));
        RecordingPurge purge = new RecordingPurge(jdbc, store, index,
                new RetentionPolicy(Period.ofYears(3), Map.of("sales", Period.ofYears(1))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        call("old-support", "support", ago(Period.ofYears(3).plusDays(1)));
        call("young-support", "support", ago(Period.ofYears(3).minusDays(1)));
        call("old-sales", "sales", ago(Period.ofYears(1).plusDays(1)));
        call("young-sales", "sales", ago(Period.ofMonths(11)));
        call("old-no-queue", null, ago(Period.ofYears(4)));

        assertThat(purge.purge()).isEqualTo(3);

        for (String gone : List.of("old-support", "old-sales", "old-no-queue")) {
            assertThat(store.exists(new StoredPart(gone, "customer"))).as(gone).isFalse();
            assertThat(transcript(gone)).as(gone).isZero();
        }
        for (String kept : List.of("young-support", "young-sales")) {
            assertThat(store.exists(new StoredPart(kept, "customer"))).as(kept).isTrue();
            assertThat(transcript(kept)).as(kept).isOne();
        }
        assertThat(index.indexed).extracting(c -> c.call().callId()).containsExactlyInAnyOrder("young-support",
                "young-sales");
        assertThat(jdbc.sql("select call_id, retention, recording_parts, transcript from recording_purge order by call_id")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getBoolean(4))
                .list()).containsExactly("old-no-queue P3Y 2 true", "old-sales P1Y 2 true", "old-support P3Y 2 true");
        assertThat(purge.purge()).as("a second run finds nothing more").isZero();
    }

    private void call(String callId, String queue, Instant ended) {
        Timestamp end = Timestamp.from(ended);
        jdbc.sql("""
                        insert into recording_job (call_id, recording_name, call_started_at, call_ended_at, outcome,
                            last_node, queue_name, stage, attempts, due_at, created_at, updated_at)
                        values (?, ?, ?, ?, 'ANSWERED', 'queue', ?, 'DONE', 0, ?, ?, ?)
                        """)
                .params(callId, callId + ".wav16", end, end, queue, end, end, end).update();
        jdbc.sql("insert into transcript (call_id, utterances, created_at) values (?, '[]', ?)").params(callId, end)
                .update();
        store.put(new StoredPart(callId, "customer"), new ByteArrayInputStream(new byte[] {1, 2}));
        store.put(new StoredPart(callId, "agent"), new ByteArrayInputStream(new byte[] {3, 4}));
        index.index(new IndexedCall(new CallDocument(callId, ended.toString(), ended.toString(), 0, "ANSWERED", "queue",
                null, queue, "agent1", callId, null, ""), List.of()));
    }

    private static Instant ago(Period period) {
        return NOW.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    private int transcript(String callId) {
        return jdbc.sql("select count(*) from transcript where call_id = ?").param(callId).query(Integer.class).single();
    }
}

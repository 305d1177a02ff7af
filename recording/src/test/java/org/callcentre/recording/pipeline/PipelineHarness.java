package org.callcentre.recording.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.SearchQuery;
import org.callcentre.recording.UtteranceHit;
import org.callcentre.recording.CallHit;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.index.IndexedCall;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.RecordingStoreContract;
import org.callcentre.recording.transcription.SpeechToText;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** A pipeline on an in-memory H2 database with the module's own schema, for pipeline tests. */
final class PipelineHarness {

    final RecordingJobs jobs;
    final RecordedIndex index = new RecordedIndex();
    final PipelineWorker worker;
    final RecordingStore store;
    private final Clock clock = Clock.systemUTC();

    PipelineHarness(Path spool, Path storeDir, SpeechToText speech, int maxAttempts) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:pipeline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V1_2__recording_jobs.sql"));
        }
        jobs = new RecordingJobs(JdbcClient.create(db));
        RecordingProperties config = new RecordingProperties(spool, Path.of("unused"),
                new RecordingProperties.Pipeline(Duration.ofMillis(100), Duration.ZERO, maxAttempts,
                        Duration.ofMillis(100), Duration.ofMinutes(10), 1, Duration.ofMillis(100)),
                new RecordingProperties.Index(java.net.URI.create("http://unused"), "unused", Duration.ofSeconds(1)),
                null);
        store = new LocalRecordingStore(storeDir.resolve("store"), RecordingStoreContract.cipher("k1"));
        worker = new PipelineWorker(jobs, new RecordingIntake(spool, store, storeDir.resolve("work")), speech, index,
                config, clock);
    }

    /** Enqueues an answered call whose recording is {@code recordingName} in the spool. */
    String call(String recordingName) {
        String callId = "call-" + UUID.randomUUID();
        Instant now = clock.instant();
        jobs.enqueue(new CallEnded(callId, now.minusSeconds(60), now, CallOutcome.ANSWERED, "queue", "0000",
                "returns-exchanges-repairs", "support", "agent1", recordingName), now, now);
        return callId;
    }

    String state(String callId) {
        return jobs.status(callId).orElseThrow().stage();
    }

    String reason(String callId) {
        return jobs.status(callId).orElseThrow().lastError();
    }

    /** A {@link CallIndex} that keeps what it was given. */
    static final class RecordedIndex implements CallIndex {
        final List<IndexedCall> indexed = new CopyOnWriteArrayList<>();

        @Override
        public void prepare() {
        }

        @Override
        public void index(IndexedCall call) {
            indexed.add(call);
        }

        @Override
        public void indexAll(List<IndexedCall> calls) {
            indexed.addAll(calls);
        }

        @Override
        public List<CallHit> search(SearchQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UtteranceHit> searchUtterances(SearchQuery query) {
            throw new UnsupportedOperationException();
        }

        IndexedCall of(String callId) {
            return indexed.stream().filter(c -> c.call().callId().equals(callId)).findFirst().orElseThrow();
        }
    }
}

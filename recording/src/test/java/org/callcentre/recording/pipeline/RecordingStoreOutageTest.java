package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.RecordingStoreContract;
import org.callcentre.recording.storage.RecordingStoreUnavailable;
import org.callcentre.recording.storage.StoredPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStoreOutageTest {

    @TempDir
    Path spool;

    @TempDir
    Path storage;

    @Test
    void aStoreOutagePostponesTheJobWithoutSpendingAttemptsAndItCompletesWhenTheStoreIsBack() throws Exception {
        OutageStore store = new OutageStore(new LocalRecordingStore(storage.resolve("store"),
                RecordingStoreContract.cipher("k1")));
        PipelineHarness pipeline = new PipelineHarness(spool, storage, store, (file, speaker) -> {
            throw new AssertionError("a call no agent answered is not decoded");
        }, 1);
        CallRecording names = CallRecording.named("outage.wav16");
        for (String name : new String[] {names.mixed(), names.customer(), names.heard()}) {
            Files.writeString(spool.resolve(name), "audio of " + name);
        }
        String callId = pipeline.abandonedInQueue(names.mixed());

        pipeline.worker.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> store.refused.get() >= 3);
            assertThat(pipeline.state(callId)).as("postponed, not failed, with one attempt allowed")
                    .isEqualTo("TRANSCRIBE");
            assertThat(pipeline.reason(callId)).isEqualTo("object store down");
            assertThat(spool.resolve(names.customer())).as("kept in the spool until stored").exists();

            store.down = false;
            await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.state(callId).equals("DONE"));
        } finally {
            pipeline.worker.stop();
        }
        assertThat(store.exists(new StoredPart(callId, "customer"))).isTrue();
        assertThat(spool.resolve(names.customer())).doesNotExist();
    }

    /** A store that is unreachable until told otherwise. */
    private static final class OutageStore implements RecordingStore {
        private final RecordingStore real;
        private final AtomicInteger refused = new AtomicInteger();
        private volatile boolean down = true;

        OutageStore(RecordingStore real) {
            this.real = real;
        }

        private void reachable() {
            if (down) {
                refused.incrementAndGet();
                throw new RecordingStoreUnavailable("object store down", null);
            }
        }

        @Override
        public void put(StoredPart part, InputStream plaintext) {
            reachable();
            real.put(part, plaintext);
        }

        @Override
        public byte[] read(StoredPart part) {
            reachable();
            return real.read(part);
        }

        @Override
        public boolean exists(StoredPart part) {
            reachable();
            return real.exists(part);
        }

        @Override
        public int deleteCall(String callId) {
            reachable();
            return real.deleteCall(callId);
        }

        @Override
        public void check() {
            reachable();
            real.check();
        }
    }
}

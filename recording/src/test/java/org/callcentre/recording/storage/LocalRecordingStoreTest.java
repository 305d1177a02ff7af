package org.callcentre.recording.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.callcentre.recording.RecordingProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class LocalRecordingStoreTest implements RecordingStoreContract {

    @TempDir
    Path dir;

    @Override
    public RecordingStore store(RecordingCipher cipher) {
        return new LocalRecordingStore(dir, cipher);
    }

    @Override
    public RecordingStore reopen(RecordingStore store, RecordingCipher cipher) {
        return new LocalRecordingStore(dir, cipher);
    }

    @Override
    public byte[] atRest(RecordingStore store, StoredPart part) {
        try {
            return Files.readAllBytes(file(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeAtRest(RecordingStore store, StoredPart part, byte[] bytes) {
        try {
            Files.createDirectories(file(part).getParent());
            Files.write(file(part), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCheckLeavesNothingInTheDirectory() throws IOException {
        store(RecordingStoreContract.cipher("k1")).check();

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenFailsTheCheckNamingIt() throws IOException {
        Path underAFile = Files.writeString(dir.resolve("a-file"), "").resolve("recordings");
        RecordingStore store = new LocalRecordingStore(underAFile, RecordingStoreContract.cipher("k1"));

        assertThatThrownBy(store::check).isInstanceOf(RecordingStoreUnavailable.class)
                .hasMessageStartingWith("cannot write to the recordings directory " + underAFile);
    }

    @Test
    void itsHealthIsUpWhenTheDirectoryTakesFilesAndDownSayingWhyWhenNot() throws IOException {
        Path broken = Files.writeString(dir.resolve("a-file"), "").resolve("recordings");

        Health up = health(dir);
        Health down = health(broken);

        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("kind", "local").containsEntry("dir", dir.toString());
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("dir", broken.toString());
        assertThat(down.getDetails().get("error").toString()).startsWith("cannot write to the recordings directory");
    }

    private static Health health(Path storeDir) {
        var storage = new RecordingProperties.Storage(RecordingProperties.Storage.Kind.LOCAL, storeDir,
                storeDir.resolveSibling("work"), "k1", Map.of(), null);
        var config = new RecordingProperties(Path.of("spool"), Path.of("model"), 0, null, null, storage, null, null);
        return new RecordingStoreHealthIndicator(new LocalRecordingStore(storeDir, RecordingStoreContract.cipher("k1")),
                config).health();
    }

    private Path file(StoredPart part) {
        return dir.resolve(part.callId()).resolve(part.part() + ".enc");
    }
}

package org.callcentre.recording.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

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

    private Path file(StoredPart part) {
        return dir.resolve(part.callId()).resolve(part.part() + ".enc");
    }
}

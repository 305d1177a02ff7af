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
            return Files.readAllBytes(dir.resolve(part.callId()).resolve(part.part() + ".enc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

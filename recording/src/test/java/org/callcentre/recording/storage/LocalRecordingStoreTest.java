package org.callcentre.recording.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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

    @Test
    void aTamperedRecordingIsRefusedRatherThanReadAsAudio() throws IOException {
        RecordingStore store = store(RecordingStoreContract.cipher("k1"));
        StoredPart part = new StoredPart("call-1", "customer");
        store.put(part, new ByteArrayInputStream(RIFF));
        Path file = dir.resolve("call-1").resolve("customer.enc");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.read(part)).isInstanceOf(RecordingCipher.UnreadableRecording.class)
                .hasMessageContaining("fails authentication");
    }

    @Test
    void aRecordingCopiedUnderAnotherCallIsRefused() throws IOException {
        RecordingStore store = store(RecordingStoreContract.cipher("k1"));
        store.put(new StoredPart("call-1", "customer"), new ByteArrayInputStream(RIFF));
        Files.createDirectories(dir.resolve("call-2"));
        Files.copy(dir.resolve("call-1").resolve("customer.enc"), dir.resolve("call-2").resolve("customer.enc"));

        assertThatThrownBy(() -> store.read(new StoredPart("call-2", "customer")))
                .isInstanceOf(RecordingCipher.UnreadableRecording.class);
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

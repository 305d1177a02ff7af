package org.callcentre.recording.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.StoredPart;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.UnusableRecording;

/**
 * Takes a finished call's files out of Asterisk's spool into the {@link RecordingStore}
 * (encrypted), then deletes them from the spool; and lends the decoder a plaintext copy in a
 * private directory for the length of one decoding. Storing is idempotent, and the spool copy is
 * deleted only once every part is stored, so a crash at any point loses nothing.
 */
final class RecordingIntake {

    private final Path spool;
    private final RecordingStore store;
    private final Path workDir;

    RecordingIntake(Path spool, RecordingStore store, Path workDir) {
        this.spool = spool.normalize();
        this.store = store;
        this.workDir = workDir;
    }

    /** The stored parts of one recording of the call, by speaker, storing them first if still spooled. */
    Map<Speaker, StoredPart> ingest(String callId, CallRecording recording) {
        storeSpooled(callId, recording);
        Map<Speaker, StoredPart> parts = new EnumMap<>(Speaker.class);
        recording.directionParts().forEach((speaker, part) -> parts.put(speaker, new StoredPart(callId, part)));
        StoredPart mixed = new StoredPart(callId, recording.mixedPart());
        if (parts.values().stream().allMatch(store::exists)) {
            return parts;
        }
        if (recording.heardSpeaker() == Speaker.AGENT && store.exists(mixed)) {
            return new EnumMap<>(Map.of(Speaker.MIXED, mixed)); // recorded before the directions were kept apart
        }
        throw new RecordingNotReady("recording " + recording.mixed() + " not found in the spool");
    }

    /** Moves whatever files of the recording are in the spool into the store. */
    void storeSpooled(String callId, CallRecording recording) {
        Map<String, Path> spooled = new java.util.LinkedHashMap<>();
        recording.filesByPart().forEach((part, name) -> spooled.put(part, spoolFile(name)));
        spooled.values().removeIf(f -> !Files.exists(f));
        for (Path file : spooled.values()) {
            requireClosed(file);
        }
        spooled.forEach((part, file) -> {
            try (InputStream in = Files.newInputStream(file)) {
                store.put(new StoredPart(callId, part), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (Path file : spooled.values()) {
            delete(file);
        }
    }

    /** A plaintext copy of a stored part for the decoder; closing deletes it. */
    Plaintext plaintext(StoredPart part) {
        try {
            Files.createDirectories(workDir);
            Path file = Files.createTempFile(workDir, part.callId() + "-", ".wav",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, store.read(part));
            return new Plaintext(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + part + " for decoding", e);
        }
    }

    /** Deletes decoding copies a killed server left behind. */
    void cleanWorkDir() {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        try (var files = Files.list(workDir)) {
            files.forEach(RecordingIntake::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Plaintext(Path file) implements AutoCloseable {
        @Override
        public void close() {
            delete(file);
        }
    }

    private Path spoolFile(String name) {
        Path file = spool.resolve(name).normalize();
        if (!file.getParent().equals(spool)) {
            throw new UnusableRecording("recording name '" + name + "' points outside the spool");
        }
        return file;
    }

    /**
     * Asterisk writes the RIFF sizes when it closes a WAV file; until then they do not match the
     * file's length and the recording is still being written.
     */
    private static void requireClosed(Path file) {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            long size = ch.size();
            if (size >= 8 && head.getInt(0) == 0x46464952
                    && Integer.toUnsignedLong(head.getInt(4)) + 8 < size - 1) {
                throw new RecordingNotReady("recording " + file.getFileName() + " is still being written");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

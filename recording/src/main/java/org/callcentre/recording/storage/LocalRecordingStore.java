package org.callcentre.recording.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * {@link RecordingStore} in a local directory: {@code <dir>/<call id>/<part>.enc}, each file
 * encrypted. A file is written beside its final name and moved into place, so a crash never
 * leaves half a recording under the real name.
 */
public final class LocalRecordingStore implements RecordingStore {

    private static final String SUFFIX = ".enc";

    private final Path dir;
    private final RecordingCipher cipher;

    public LocalRecordingStore(Path dir, RecordingCipher cipher) {
        this.dir = dir.toAbsolutePath().normalize();
        this.cipher = cipher;
    }

    @Override
    public void put(StoredPart part, InputStream plaintext) {
        Path file = file(part);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(part.part() + ".partial");
            Files.write(partial, cipher.encrypt(part, plaintext));
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store recording " + part.associatedData(), e);
        }
    }

    @Override
    public byte[] read(StoredPart part) {
        try {
            return cipher.decrypt(part, Files.readAllBytes(file(part)));
        } catch (NoSuchFileException e) {
            throw new MissingRecording(part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + part.associatedData(), e);
        }
    }

    @Override
    public boolean exists(StoredPart part) {
        return Files.exists(file(part));
    }

    @Override
    public int deleteCall(String callId) {
        Path callDir = file(new StoredPart(callId, "any")).getParent();
        if (!Files.isDirectory(callDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(callDir)) {
            int deleted = 0;
            for (Path f : files.toList()) {
                Files.delete(f);
                deleted += f.getFileName().toString().endsWith(SUFFIX) ? 1 : 0;
            }
            Files.delete(callDir);
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the recordings of call " + callId, e);
        }
    }

    /** Creates the directory if need be and a file in it, and deletes the file again. */
    @Override
    public void check() {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".check-", ".tmp"));
        } catch (IOException e) {
            throw new RecordingStoreUnavailable("cannot write to the recordings directory " + dir + ": " + e, e);
        }
    }

    private Path file(StoredPart part) {
        return dir.resolve(part.callId()).resolve(part.part() + SUFFIX);
    }
}

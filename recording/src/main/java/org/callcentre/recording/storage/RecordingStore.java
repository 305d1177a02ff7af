package org.callcentre.recording.storage;

import java.io.InputStream;

/**
 * Where recordings live once Asterisk has finished them: the recording storage port. A local
 * directory is the default adapter; an S3-compatible object store is the other. Every adapter
 * keeps recordings encrypted at rest ({@link RecordingCipher}) and is held to the same behaviour
 * by {@code RecordingStoreContract}. Recordings are addressed by call id and part, never by a
 * path, so nothing outside this port can serve a file by its name. Every operation may throw
 * {@link RecordingStoreUnavailable} when the store cannot be reached; the caller retries later.
 * Thread-safe.
 */
public interface RecordingStore {

    /**
     * Stores one part of a call's recording, replacing any earlier copy (storing again after a
     * crash is harmless). The stream is read to its end; the caller closes it.
     */
    void put(StoredPart part, InputStream plaintext);

    /** @throws MissingRecording when the part was never stored or has been purged */
    byte[] read(StoredPart part);

    boolean exists(StoredPart part);

    /** Deletes every part of the call; returns how many were deleted. */
    int deleteCall(String callId);

    /**
     * Checks cheaply, and within a bounded time, that recordings can be stored now (the local
     * directory takes a file, the bucket answers): the server's health check. Stores nothing.
     *
     * @throws RecordingStoreUnavailable saying why not
     */
    void check();
}

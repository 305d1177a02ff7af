package org.callcentre.recording.storage;

/**
 * The store could not be reached, or refused the request (an object store's credentials or
 * bucket): nothing is known about the recording, so the caller retries later rather than
 * treating it as missing or unreadable.
 */
public class RecordingStoreUnavailable extends RuntimeException {
    public RecordingStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

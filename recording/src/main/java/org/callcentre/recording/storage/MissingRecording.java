package org.callcentre.recording.storage;

/** The recording part was never stored, or was purged. */
public class MissingRecording extends RuntimeException {
    public MissingRecording(StoredPart part) {
        super("no stored recording " + part.associatedData());
    }
}

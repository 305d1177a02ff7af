package org.callcentre.recording.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One stored file of a call's recording: {@code part} is e.g. "mixed", "customer" or "agent".
 * Both are checked so that no value can name a path outside the store.
 */
public record StoredPart(String callId, String part) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,150}");

    public StoredPart {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(part, "part");
        if (!SAFE.matcher(callId).matches() || callId.startsWith(".")) {
            throw new IllegalArgumentException("call id '" + callId + "' is not a safe storage name");
        }
        if (!SAFE.matcher(part).matches() || part.startsWith(".")) {
            throw new IllegalArgumentException("part '" + part + "' is not a safe storage name");
        }
    }

    /** Bound into the encryption as associated data: a file copied under another name fails. */
    String associatedData() {
        return callId + "/" + part;
    }
}

package org.callcentre.recording.index;

import java.util.List;
import org.callcentre.recording.CallSearch;

/**
 * The call index port: Elasticsearch is the adapter. {@link #index} is idempotent by call id, so
 * a job that runs twice (after a crash) leaves one document. Thread-safe.
 */
public interface CallIndex extends CallSearch {

    /** Creates the versioned index and its alias if missing. Safe to call at every start. */
    void prepare();

    /**
     * Indexes a call document and its utterance documents.
     *
     * @throws IndexUnavailable when the index cannot be reached; the caller retries later
     */
    void index(IndexedCall call);

    /** Indexes many calls in one bulk request. @throws IndexUnavailable as {@link #index} */
    void indexAll(List<IndexedCall> calls);

    /** Deletes the call's document and its utterances; nothing to delete is fine. */
    void delete(String callId);
}

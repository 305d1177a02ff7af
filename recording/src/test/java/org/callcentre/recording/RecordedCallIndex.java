package org.callcentre.recording;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.index.IndexedCall;

/** A {@link CallIndex} that keeps what it was given. */
public final class RecordedCallIndex implements CallIndex {
    public final List<IndexedCall> indexed = new CopyOnWriteArrayList<>();

    @Override
    public void prepare() {
    }

    @Override
    public void index(IndexedCall call) {
        indexed.add(call);
    }

    @Override
    public void indexAll(List<IndexedCall> calls) {
        indexed.addAll(calls);
    }

    @Override
    public void delete(String callId) {
        indexed.removeIf(c -> c.call().callId().equals(callId));
    }

    @Override
    public List<CallHit> search(SearchQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<UtteranceHit> searchUtterances(SearchQuery query) {
        throw new UnsupportedOperationException();
    }

    public IndexedCall of(String callId) {
        return indexed.stream().filter(c -> c.call().callId().equals(callId)).findFirst().orElseThrow();
    }
}

package org.callcentre.recording.index;

import java.util.List;
import java.util.Objects;
import org.callcentre.recording.transcription.Utterance;

/** What is indexed for one call: its call-level document and its utterances in time order. */
public record IndexedCall(CallDocument call, List<Utterance> utterances) {
    public IndexedCall {
        Objects.requireNonNull(call, "call");
        utterances = List.copyOf(utterances);
    }
}

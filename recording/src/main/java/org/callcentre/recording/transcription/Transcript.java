package org.callcentre.recording.transcription;

import java.util.List;
import java.util.stream.Collectors;

/** The utterances of a recording, in time order. */
public record Transcript(List<Utterance> utterances) {
    public Transcript {
        utterances = List.copyOf(utterances);
    }

    public String text() {
        return utterances.stream().map(Utterance::text).filter(t -> !t.isBlank()).collect(Collectors.joining(" "));
    }
}

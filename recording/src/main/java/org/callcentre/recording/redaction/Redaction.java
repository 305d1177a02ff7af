package org.callcentre.recording.redaction;

import java.util.List;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.Transcript;

/**
 * A transcript with sensitive words masked, and where they were: the redaction log. The log says
 * what kind of thing was masked and when, never what it was.
 */
public record Redaction(Transcript transcript, List<Masked> masked) {

    public Redaction {
        masked = List.copyOf(masked);
    }

    /** One masked stretch: who said it, from/to in seconds on the call's timeline, what kind. */
    public record Masked(Speaker speaker, double start, double end, String kind, int words) {
    }
}

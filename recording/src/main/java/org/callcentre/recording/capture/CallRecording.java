package org.callcentre.recording.capture;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.callcentre.recording.transcription.Speaker;

/**
 * The files MixMonitor writes for one call, named from the mixed recording's name as the IVR
 * starts it ({@code MixMonitor(<name>.<ext>,br(<name>-customer.<ext>)t(<name>-agent.<ext>))}):
 * the mixed call, and each direction apart on the same, silence-padded timeline. The channel
 * being recorded is the caller's, so what it reads is the customer and what it hears the agent.
 */
public record CallRecording(String mixed, String customer, String agent) {

    public CallRecording {
        Objects.requireNonNull(mixed, "mixed");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(agent, "agent");
    }

    /** The files of the recording whose mixed file is {@code mixedName}, e.g. "1700.12.wav16". */
    public static CallRecording named(String mixedName) {
        int dot = mixedName.lastIndexOf('.');
        String base = dot < 0 ? mixedName : mixedName.substring(0, dot);
        String ext = dot < 0 ? "" : mixedName.substring(dot);
        return new CallRecording(mixedName, base + "-customer" + ext, base + "-agent" + ext);
    }

    /** The direction files by who speaks in them, customer first. */
    public Map<Speaker, String> directions() {
        Map<Speaker, String> files = new EnumMap<>(Speaker.class);
        files.put(Speaker.CUSTOMER, customer);
        files.put(Speaker.AGENT, agent);
        return files;
    }
}

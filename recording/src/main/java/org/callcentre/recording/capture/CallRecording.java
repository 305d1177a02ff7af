package org.callcentre.recording.capture;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.callcentre.recording.transcription.Speaker;

/**
 * The files MixMonitor writes for one recording of a call, named from the mixed file's name as
 * the IVR starts it ({@code MixMonitor(<name>.<ext>,r(<name>-customer.<ext>)t(<name>-<heard>.<ext>))}):
 * the mixed file, and each direction apart on the same, silence-padded timeline. The channel
 * being recorded is the caller's, so what it reads is the customer; what it hears is the agent in
 * the {@linkplain #named conversation} and the hotline's prompts in the {@linkplain #ivrPart IVR part}.
 *
 * <p>In the recording store each file is one part of the call: {@code mixed}, {@code customer},
 * {@code agent} for the conversation and {@code ivr-mixed}, {@code ivr-customer},
 * {@code ivr-prompts} for the IVR part.
 *
 * @param heardSpeaker who speaks in the {@code heard} file: AGENT or IVR
 * @param partPrefix   what the store's part names start with: empty, or {@code ivr-}
 */
public record CallRecording(String mixed, String customer, String heard, Speaker heardSpeaker, String partPrefix) {

    public CallRecording {
        Objects.requireNonNull(mixed, "mixed");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(heard, "heard");
        Objects.requireNonNull(heardSpeaker, "heardSpeaker");
        Objects.requireNonNull(partPrefix, "partPrefix");
    }

    /** The conversation with an agent whose mixed file is {@code mixedName}, e.g. "1700.12.wav16". */
    public static CallRecording named(String mixedName) {
        return of(mixedName, Speaker.AGENT, "");
    }

    /** The IVR part of a call whose mixed file is {@code mixedName}, e.g. "1700.12-ivr.wav16". */
    public static CallRecording ivrPart(String mixedName) {
        return of(mixedName, Speaker.IVR, "ivr-");
    }

    private static CallRecording of(String mixedName, Speaker heardSpeaker, String partPrefix) {
        int dot = mixedName.lastIndexOf('.');
        String base = dot < 0 ? mixedName : mixedName.substring(0, dot);
        String ext = dot < 0 ? "" : mixedName.substring(dot);
        return new CallRecording(mixedName, base + "-customer" + ext, base + "-" + heardAs(heardSpeaker) + ext, heardSpeaker,
                partPrefix);
    }

    /** The direction files by who speaks in them, customer first. */
    public Map<Speaker, String> directions() {
        Map<Speaker, String> files = new EnumMap<>(Speaker.class);
        files.put(Speaker.CUSTOMER, customer);
        files.put(heardSpeaker, heard);
        return files;
    }

    /** The store's part name of each direction, by who speaks in it. */
    public Map<Speaker, String> directionParts() {
        Map<Speaker, String> parts = new EnumMap<>(Speaker.class);
        parts.put(Speaker.CUSTOMER, partPrefix + "customer");
        parts.put(heardSpeaker, partPrefix + heardAs(heardSpeaker));
        return parts;
    }

    /** How the heard direction's file and part are named: after the agent, or the prompts. */
    private static String heardAs(Speaker heardSpeaker) {
        return heardSpeaker == Speaker.IVR ? "prompts" : "agent";
    }

    /** The store's part name of the mixed file. */
    public String mixedPart() {
        return partPrefix + "mixed";
    }

    /** Every file of the recording by the store's part name: mixed first, then the directions. */
    public Map<String, String> filesByPart() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(mixedPart(), mixed);
        Map<Speaker, String> parts = directionParts();
        directions().forEach((speaker, file) -> files.put(parts.get(speaker), file));
        return files;
    }
}

package org.callcentre.recording.pipeline;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.redaction.AudioRedaction;
import org.callcentre.recording.redaction.Redaction;
import org.callcentre.recording.redaction.TranscriptRedactor;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.StoredPart;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.SpeechToText;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.UnusableRecording;
import org.callcentre.recording.transcription.Utterance;
import org.callcentre.recording.transcription.VoiceActivity;
import org.callcentre.recording.transcription.VoskSpeechToText;
import org.callcentre.recording.transcription.WavAudio;

/**
 * One call's recording to a redacted transcript: takes the files into the store, refuses
 * unusable or silent audio before decoding, transcribes each direction apart (so every utterance
 * knows its speaker; a recording from before directions were kept apart is one MIXED speaker;
 * in the IVR part of a call, what the caller heard is the IVR speaking),
 * masks card numbers and configured patterns, and stores a redacted audio copy of each part in
 * which something was masked. The unredacted transcript is never stored.
 */
final class CallTranscriber {

    private final RecordingIntake intake;
    private final RecordingStore store;
    private final SpeechToText speech;
    private final TranscriptRedactor redactor;
    private final PipelineMetrics metrics;

    CallTranscriber(RecordingIntake intake, RecordingStore store, SpeechToText speech, TranscriptRedactor redactor,
            PipelineMetrics metrics) {
        this.intake = intake;
        this.store = store;
        this.speech = speech;
        this.redactor = redactor;
        this.metrics = metrics;
    }

    /**
     * @param recordingName    the conversation's recording, if one was started. MixMonitor records it
     *                         only while the call is bridged, so an unanswered call's files hold no
     *                         conversation: they are stored (and leave the spool) but not decoded
     * @param ivrRecordingName the IVR part's recording, if configured. Decoded (customer and IVR
     *                         speakers) for a call no agent answered; an answered call's is stored
     *                         but not decoded, its conversation being what QA searches
     * @param answered         whether an agent answered
     */
    Redaction transcribe(String callId, String recordingName, String ivrRecordingName, boolean answered) {
        CallRecording conversation = recordingName == null ? null : CallRecording.named(recordingName);
        CallRecording ivrPart = ivrRecordingName == null ? null : CallRecording.ivrPart(ivrRecordingName);
        if (answered && conversation != null) {
            if (ivrPart != null) {
                intake.storeSpooled(callId, ivrPart);
            }
            return decode(callId, conversation);
        }
        if (conversation != null) {
            intake.storeSpooled(callId, conversation);
        }
        return ivrPart == null ? new Redaction(new Transcript(List.of()), List.of()) : decode(callId, ivrPart);
    }

    private Redaction decode(String callId, CallRecording recording) {
        Map<Speaker, StoredPart> parts = intake.ingest(callId, recording);
        Map<Speaker, RecordingIntake.Plaintext> copies = new EnumMap<>(Speaker.class);
        try {
            parts.forEach((speaker, part) -> copies.put(speaker, intake.plaintext(part)));
            double seconds = requireSound(copies.values().stream().map(RecordingIntake.Plaintext::file).toList());
            List<Utterance> utterances = new ArrayList<>();
            long decoding = System.nanoTime();
            copies.forEach((speaker, copy) -> utterances.addAll(speech.transcribe(copy.file(), speaker).utterances()));
            metrics.decoded(Duration.ofNanos(System.nanoTime() - decoding), seconds);
            utterances.sort(Comparator.comparingDouble(Utterance::start));
            Redaction redaction = redactor.redact(new Transcript(utterances));
            if (!redaction.masked().isEmpty()) {
                storeRedactedAudio(parts, copies, redaction.masked(), new StoredPart(callId, recording.mixedPart()));
            }
            return redaction;
        } finally {
            copies.values().forEach(RecordingIntake.Plaintext::close);
        }
    }

    /** Each decoded part, and the mixed file when there is one, with the masked stretches silenced. */
    private void storeRedactedAudio(Map<Speaker, StoredPart> parts, Map<Speaker, RecordingIntake.Plaintext> copies,
            List<Redaction.Masked> masked, StoredPart mixed) {
        parts.forEach((speaker, part) -> {
            List<Redaction.Masked> own = masked.stream()
                    .filter(m -> speaker == Speaker.MIXED || m.speaker() == speaker).toList();
            putRedacted(part, copies.get(speaker).file(), own);
        });
        if (!parts.containsValue(mixed) && store.exists(mixed)) {
            try (RecordingIntake.Plaintext copy = intake.plaintext(mixed)) {
                putRedacted(mixed, copy.file(), masked);
            }
        }
    }

    private void putRedacted(StoredPart part, Path plaintext, List<Redaction.Masked> masked) {
        store.put(new StoredPart(part.callId(), part.part() + "-redacted"),
                new ByteArrayInputStream(AudioRedaction.silenced(plaintext, masked)));
    }

    /**
     * Refuses a recording that is not usable audio (empty, corrupt, not 16 kHz mono) or in which
     * nobody made a sound, before any decoding time is spent on it.
     *
     * @return the call's length in seconds: its longest file's (the directions share one timeline)
     */
    private static double requireSound(Collection<Path> files) {
        double seconds = 0;
        boolean sound = false;
        for (Path file : files) {
            WavAudio audio = WavAudio.read(file).requireFormat(VoskSpeechToText.MODEL_RATE);
            seconds = Math.max(seconds, audio.seconds());
            sound = sound || !VoiceActivity.silent(audio);
        }
        if (sound) {
            return seconds;
        }
        throw new UnusableRecording("recording is silent: no sound above " + (int) VoiceActivity.ABSOLUTE_FLOOR_DBFS
                + " dBFS in " + String.format(Locale.ROOT, "%.1f", seconds) + " s"
                + (files.size() > 1 ? " in either direction" : ""));
    }
}

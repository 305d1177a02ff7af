package org.callcentre.recording.transcription;

import java.nio.file.Path;

/**
 * The speech-to-text port. Vosk is one adapter; any other must pass
 * {@code SpeechToTextContract}. Implementations are thread-safe: one instance serves every
 * worker, each call decodes one recording.
 */
public interface SpeechToText {

    /**
     * Transcribes one recording of one speaker (or of a mixed call).
     *
     * @throws UnusableRecording when the file is not audio this engine can decode, saying why
     */
    Transcript transcribe(Path recording, Speaker speaker);
}

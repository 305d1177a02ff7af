package org.callcentre.recording.transcription;

/** The Vosk adapter against the real English model that the stack script provisions. */
class VoskSpeechToTextIT implements SpeechToTextContract {

    @Override
    public SpeechToText speechToText() {
        return SharedVosk.get();
    }
}

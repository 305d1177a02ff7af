package org.callcentre.recording.transcription;

import org.callcentre.recording.stack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Vosk adapter against the real English model that the stack script provisions. */
class VoskSpeechToTextIT implements SpeechToTextContract {

    private static VoskSpeechToText vosk;

    @BeforeAll
    static void loadModel() {
        vosk = new VoskSpeechToText(TestStack.voskModel());
    }

    @AfterAll
    static void release() {
        vosk.close();
    }

    @Override
    public SpeechToText speechToText() {
        return vosk;
    }
}

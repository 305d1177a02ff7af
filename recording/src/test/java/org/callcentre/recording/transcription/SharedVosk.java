package org.callcentre.recording.transcription;

import org.callcentre.recording.stack.TestStack;

/**
 * The real Vosk adapter over the model the stack script provisions, loaded once per test JVM
 * (as the server loads it once) and released when the JVM ends.
 */
public final class SharedVosk {

    private static VoskSpeechToText vosk;

    private SharedVosk() {
    }

    public static synchronized VoskSpeechToText get() {
        if (vosk == null) {
            vosk = new VoskSpeechToText(TestStack.voskModel());
            Runtime.getRuntime().addShutdownHook(new Thread(vosk::close));
        }
        return vosk;
    }
}

package org.callcentre.recording.transcription;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Vosk adapter against the real English model that the stack script provisions. */
class VoskSpeechToTextIT implements SpeechToTextContract {

    private static VoskSpeechToText vosk;

    @BeforeAll
    static void loadModel() throws Exception {
        String script = System.getProperty("callcentre.stack-script");
        if (script == null) {
            throw new AssertionError("system property callcentre.stack-script is not set: run through Maven");
        }
        Process p = new ProcessBuilder("bash", script, "vosk-model").redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String dir = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0 || !Files.isDirectory(Path.of(dir))) {
            throw new AssertionError("The Vosk model could not be provisioned by " + script + " (got '" + dir + "')");
        }
        vosk = new VoskSpeechToText(Path.of(dir));
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

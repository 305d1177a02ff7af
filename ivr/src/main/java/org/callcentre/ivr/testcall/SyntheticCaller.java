package org.callcentre.ivr.testcall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.action.OriginateAction;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.ami.AmiConnection;

/**
 * A synthetic customer for smoke tests of a live hotline: espeak-ng speaks a sentence into a
 * file Asterisk can play, and an AMI Originate of a Local channel calls the hotline, presses its
 * keys and says the sentence once connected. The call's id is chosen here (Originate's
 * ChannelId), so the caller of this class can follow the call.
 */
final class SyntheticCaller {

    static final int MAX_SENTENCE = 400;

    private final IvrProperties.TestCall config;
    private final AmiConnection ami;

    SyntheticCaller(IvrProperties.TestCall config, AmiConnection ami) {
        this.config = config;
        this.ami = ami;
    }

    /**
     * What the synthetic customer does. {@code keys} is SendDTMF's syntax: keys, and 'w'/'W' for
     * half-second and one-second pauses, pressed after the answer delay; empty presses nothing.
     * {@code language} (en, zh or null) presets the line's language so the IVR does not ask;
     * {@code callerNumber} is the number presented (digits); {@code flow} (or null) names the
     * IVR flow to run instead of the default one. After the sentence the customer may key
     * {@code inbandDigits} as in-band tones (a phone without RFC 4733 DTMF), over and over for
     * {@code inbandSeconds}; {@code agentKeys} (SendDTMF's syntax) is what the stand-in agent phone
     * keys after its greeting, e.g. the recording-pause code.
     */
    record Script(String sentence, String keys, String language, String callerNumber, String flow,
            String agentKeys, String inbandDigits, int inbandSeconds) {

        /** The one-key caller of the first release: an English line, one menu key (or none). */
        static Script oneKey(String sentence, String key) {
            return new Script(sentence, key == null ? "" : key, "en", null, null, null, null, 0);
        }
    }

    /** Places the call and returns its call id. */
    String call(Script script) throws IOException, InterruptedException {
        String sentence = script.sentence();
        String callId = "test-" + UUID.randomUUID();
        String say = sentence == null || sentence.isBlank() ? "" : speak(callId, sentence);
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/s@" + config.callerContext() + "/n");
        originate.setContext(config.hotlineContext());
        originate.setExten(config.hotlineExtension());
        originate.setPriority(1);
        String number = script.callerNumber() == null || script.callerNumber().isBlank() ? "0000"
                : script.callerNumber();
        originate.setCallerId("Test Caller <" + number + ">");
        originate.setChannelId(callId);
        originate.setOtherChannelId(callId + "-caller");
        originate.setAsync(true);
        // Wideband end to end, as a softphone with G.722 or Opus would be: without it the Local
        // channel defaults to 8 kHz and the recording holds telephone-band audio.
        originate.setCodecs(List.of("slin16"));
        Map<String, String> variables = new HashMap<>(Map.of(
                "CALLER_KEYS", script.keys() == null ? "" : script.keys(),
                "CALLER_SAY", say,
                "CALLER_KEY_DELAY", Long.toString(config.keyDelay().toSeconds()),
                "CALLER_TALK_DELAY", Long.toString(config.talkDelay().toSeconds())));
        if (script.language() != null && !script.language().isBlank()) {
            // Read by the flow's language node (preset-variable), as a dedicated number's dialplan would set it.
            variables.put("CALLCENTRE_LANGUAGE", script.language());
        }
        if (script.flow() != null && !script.flow().isBlank()) {
            variables.put("CALLCENTRE_FLOW", script.flow());  // the hotline dialplan passes it as ?flow=
        }
        if (script.agentKeys() != null && !script.agentKeys().isBlank()) {
            // '__': inherited by the channels the queue creates, so the stand-in agent phone sees it
            variables.put("__AGENT_KEYS", script.agentKeys());
        }
        if (script.inbandDigits() != null && !script.inbandDigits().isBlank() && script.inbandSeconds() > 0) {
            variables.put("CALLER_TONES", InbandDtmf.toneList(script.inbandDigits()));
            variables.put("CALLER_TONE_SECONDS", Integer.toString(script.inbandSeconds()));
        }
        originate.setVariables(variables);
        ami.send(originate);
        return callId;
    }

    /** Writes the sentence as 16 kHz speech; returns its path for Asterisk, without extension. */
    private String speak(String callId, String sentence) throws IOException, InterruptedException {
        Files.createDirectories(config.hostSoundDir());
        Path raw = config.hostSoundDir().resolve(callId + ".espeak.wav");
        Path out = config.hostSoundDir().resolve(callId + ".wav16");
        // The text goes through standard input: never a shell, never mistaken for an option.
        run(List.of("espeak-ng", "-v", "en-us", "-s", "150", "--stdin", "-w", raw.toString()), sentence);
        run(List.of("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", "-t", "wav", out.toString()), "");
        Files.deleteIfExists(raw);
        return config.asteriskSoundDir() + "/" + callId;
    }

    private static void run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command.getFirst() + " failed: " + output.strip());
        }
    }
}

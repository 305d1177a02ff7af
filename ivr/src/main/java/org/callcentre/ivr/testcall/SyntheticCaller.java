package org.callcentre.ivr.testcall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.action.OriginateAction;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.ami.AmiConnection;

/**
 * A synthetic customer for smoke tests of a live hotline: espeak-ng speaks a sentence into a
 * file Asterisk can play, and an AMI Originate of a Local channel calls the hotline, presses the
 * menu key and says the sentence once connected. The call's id is chosen here (Originate's
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

    /** Places the call and returns its call id. The key may be empty (the caller presses nothing). */
    String call(String sentence, String key) throws IOException, InterruptedException {
        String callId = "test-" + UUID.randomUUID();
        String say = sentence == null || sentence.isBlank() ? "" : speak(callId, sentence);
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/s@" + config.callerContext() + "/n");
        originate.setContext(config.hotlineContext());
        originate.setExten(config.hotlineExtension());
        originate.setPriority(1);
        originate.setCallerId("Test Caller <0000>");
        originate.setChannelId(callId);
        originate.setOtherChannelId(callId + "-caller");
        originate.setAsync(true);
        // Wideband end to end, as a softphone with G.722 or Opus would be: without it the Local
        // channel defaults to 8 kHz and the recording holds telephone-band audio.
        originate.setCodecs(List.of("slin16"));
        originate.setVariables(Map.of(
                "CALLER_KEY", key == null ? "" : key,
                "CALLER_SAY", say,
                "CALLER_KEY_DELAY", Long.toString(config.keyDelay().toSeconds()),
                "CALLER_TALK_DELAY", Long.toString(config.talkDelay().toSeconds())));
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

package org.callcentre.stack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real SIP softphones for agent1 and agent2: headless baresip user agents that register over UDP
 * on loopback to the stack instance's PJSIP and answer every call, started once per test run by
 * {@code stack.sh softphones-start} (after {@link RealStack}) and stopped when the run ends. A
 * softphone that cannot start or register fails the tests with the reason: nothing is skipped.
 */
public final class Softphones implements BeforeAllCallback {

    public static final List<String> AGENTS = List.of("agent1", "agent2");

    private static Path instanceDir;

    @Override
    public void beforeAll(ExtensionContext context) {
        RealStack.properties();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(Softphones.class, k -> {
            start();
            return (AutoCloseable) () -> RealStack.script("softphones-stop");
        }, AutoCloseable.class);
    }

    private static void start() {
        try {
            RealStack.script("softphones-start");
        } catch (AssertionError e) {
            throw new AssertionError("the agent softphones (baresip in the Asterisk chroot) did not start: the "
                    + "[stack] lines above say whether baresip is missing or could not register. " + e.getMessage(), e);
        }
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> RealStack.run("softphones-status",
                    ProcessBuilder.Redirect.DISCARD) == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the agent softphones " + AGENTS + " are not registered to Asterisk's PJSIP "
                    + "(stack.sh softphones-status); see " + instanceDir() + "/softphone-*.out", e);
        }
    }

    /** Server properties that put the agents on their softphones: queue members PJSIP/{agent}, no auto-login. */
    public static void agentsOnSoftphones(DynamicPropertyRegistry registry) {
        AGENTS.forEach(agent -> registry.add("callcentre.ivr.agents.phones." + agent, () -> "PJSIP/" + agent));
    }

    private static synchronized Path instanceDir() {
        if (instanceDir == null) {
            instanceDir = RealStack.instanceDir();
        }
        return instanceDir;
    }

    /**
     * The loudest sample the agent's softphone heard on its last call (16-bit PCM, 0..32768): what
     * reached it over RTP, as its file player wrote it.
     */
    public static int loudestHeardOnLastCall(String agent) {
        Path heard = instanceDir().resolve("softphone-" + agent + "-heard.wav");
        try {
            byte[] wav = Files.readAllBytes(heard);
            int loudest = 0;
            for (int i = 44; i + 1 < wav.length; i += 2) { // after the canonical WAV header
                loudest = Math.max(loudest, Math.abs((short) ((wav[i] & 0xff) | (wav[i + 1] << 8))));
            }
            return loudest;
        } catch (IOException e) {
            throw new AssertionError("cannot read what " + agent + "'s softphone heard: " + heard, e);
        }
    }

    /** Calls the agent's softphone has answered since it started, as its own log tells. */
    public static long callsAnswered(String agent) {
        Path log = instanceDir().resolve("softphone-" + agent + ".out");
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(": Call established:")).count();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + agent + "'s softphone log " + log, e);
        }
    }
}

package org.callcentre.recording.stack;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The real components of the test stack instance ({@code -Dcallcentre.stack-instance}), started
 * by the project's own script, deploy/stack/stack.sh, as the deploy module's tests do. Started
 * once per test JVM, on first use; a component that cannot start fails the test with the reason.
 */
public final class TestStack {

    private static Properties properties;
    private static Properties objectStore;

    private TestStack() {
    }

    public static URI elasticsearch() {
        return URI.create(properties().getProperty("callcentre.recording.index.url"));
    }

    public static Path voskModel() {
        return Path.of(script("vosk-model").strip());
    }

    /**
     * The instance's S3-compatible store (S3Proxy), started alone when the stack is not running:
     * the server properties, of which {@code callcentre.recording.storage.s3.*} name it.
     */
    public static synchronized Properties objectStore() {
        if (properties != null) {
            return properties;
        }
        if (objectStore == null) {
            if (!running()) {
                script("start-s3");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> script("stop-s3")));
            }
            objectStore = load(script("env"));
        }
        return objectStore;
    }

    /** Runs a stack.sh command for this run's instance; fails the test when it fails. */
    public static String script(String... command) {
        String script = System.getProperty("callcentre.stack-script");
        if (script == null) {
            throw new AssertionError("system property callcentre.stack-script is not set: run through Maven");
        }
        String instance = System.getProperty("callcentre.stack-instance", "test");
        try {
            var args = new java.util.ArrayList<>(java.util.List.of("bash", script));
            args.addAll(java.util.List.of(command));
            if (!command[0].equals("vosk-model")) {
                args.add(instance);
            }
            Process p = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new AssertionError("deploy/stack/stack.sh " + String.join(" ", command) + " failed; "
                        + "its last lines above say why");
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean running() {
        try {
            script("status");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static synchronized Properties properties() {
        if (properties == null) {
            if (!running()) {  // a stack someone started before the tests is left running
                script("start");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> script("stop")));
            }
            properties = load(script("env"));
        }
        return properties;
    }

    private static Properties load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }
}

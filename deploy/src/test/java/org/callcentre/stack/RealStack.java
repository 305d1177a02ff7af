package org.callcentre.stack;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real components (Asterisk, Elasticsearch, the Vosk model) of the "test" stack instance,
 * started once per test run by the project's own script, deploy/stack/stack.sh, and stopped when
 * the run ends. The instance's PostgreSQL starts only for a test that asks for it ({@link #postgres()}).
 * A component that cannot start fails the tests with the script's reason: nothing is skipped.
 */
public final class RealStack implements BeforeAllCallback {

    private static final String INSTANCE = System.getProperty("callcentre.stack-instance", "test");
    private static Map<String, String> properties;
    private static Map<String, String> postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RealStack.class, k -> (AutoCloseable) () -> script("stop"), AutoCloseable.class);
        properties();
    }

    /** Starts the stack if needed; returns the server properties the script wrote for it. */
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            script("start");
            properties = load(Path.of(scriptOutput("env")));
        }
        return properties;
    }

    /**
     * Starts the instance's PostgreSQL if needed (the stack's {@code stop} at the end of the run
     * stops it); returns the {@code spring.datasource.*} properties that point the server at it.
     */
    public static synchronized Map<String, String> postgres() {
        if (postgres == null) {
            try {
                postgres = load(Path.of(Files.readString(Path.of(scriptOutput("start-postgres"))).strip()));
            } catch (IOException e) {
                throw new AssertionError("cannot read the path start-postgres printed", e);
            }
        }
        return postgres;
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read the stack's properties " + file, e);
        }
        Map<String, String> map = new TreeMap<>();
        p.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    /** Kills Asterisk with SIGKILL and starts it again, as a crash and a restart would. */
    public static void restartAsterisk() {
        script("restart-asterisk");
    }

    /**
     * Stops the instance's Elasticsearch, as an outage would: SIGTERM to its process group, then
     * waits until it has exited. {@link #startElasticsearch()} brings it back.
     */
    public static void stopElasticsearch() {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(instanceDir().resolve("elasticsearch.pid")).strip());
        } catch (IOException e) {
            throw new AssertionError("cannot read the pid of the stack's Elasticsearch", e);
        }
        ProcessHandle.of(pid).ifPresent(es -> {
            try {
                new ProcessBuilder("bash", "-c", "kill -TERM -- -" + pid + " 2>/dev/null || kill -TERM " + pid)
                        .inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new AssertionError("cannot signal Elasticsearch (pid " + pid + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while stopping Elasticsearch", e);
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !es.isAlive());
        });
    }

    /** Starts what of the instance is not running: after {@link #stopElasticsearch()}, Elasticsearch. */
    public static void startElasticsearch() {
        script("start");
    }

    /** The instance's own directory (secrets, logs, pid files), where the script keeps its state. */
    static synchronized Path instanceDir() {
        try {
            return Path.of(Files.readString(Path.of(scriptOutput("env-file"))).strip()).getParent();
        } catch (IOException e) {
            throw new AssertionError("cannot read the stack's instance directory", e);
        }
    }

    static void script(String command) {
        int exit = run(command, ProcessBuilder.Redirect.INHERIT);
        if (exit != 0) {
            throw new AssertionError("deploy/stack/stack.sh " + command + " " + INSTANCE + " failed (exit " + exit
                    + "); its last lines above say which component is missing");
        }
    }

    /** The path of the properties file, written beside the script's output log. */
    private static String scriptOutput(String command) {
        try {
            File out = File.createTempFile("stack-" + command, ".properties");
            out.deleteOnExit();
            int exit = run(command, ProcessBuilder.Redirect.to(out));
            if (exit != 0) {
                throw new AssertionError("deploy/stack/stack.sh " + command + " failed (exit " + exit + ")");
            }
            return out.getPath();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static int run(String command, ProcessBuilder.Redirect stdout) {
        String script = System.getProperty("callcentre.stack-script");
        if (script == null) {
            throw new AssertionError("system property callcentre.stack-script is not set: run the tests through "
                    + "Maven (see README.md)");
        }
        try {
            return new ProcessBuilder("bash", script, command, INSTANCE).redirectOutput(stdout)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + script, e);
        }
    }
}

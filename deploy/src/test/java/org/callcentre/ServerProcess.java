package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built server (deploy/target's boot jar) in a process of its own, so a test can kill it with
 * SIGKILL at any moment and start it again on the same database, as a crash and restart would.
 */
final class ServerProcess {

    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("admin:pw-admin".getBytes(StandardCharsets.UTF_8));

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server with the stack's properties plus {@code settings}; waits until it is healthy. */
    static ServerProcess start(Map<String, String> stack, Map<String, String> settings, Path log) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", bootJar().toString()));
        stack.forEach((k, v) -> command.add("--" + k + "=" + v));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.add("--server.port=" + port);
        command.add("--callcentre.security.users[0].name=admin");
        command.add("--callcentre.security.users[0].password={noop}pw-admin");
        command.add("--callcentre.security.users[0].roles=ADMIN");
        command.add("--callcentre.ivr.test-call.enabled=true");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(p, log, port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(p.isAlive()).as("server exited; see " + log).isTrue();
            return server.healthy();
        });
        return server;
    }

    private static Path bootJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(j -> j.getFileName().toString().matches("callcentre-deploy-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no boot jar in deploy/target: run mvn verify"));
        }
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Places a synthetic call through Asterisk; returns its call id. */
    String placeCall(String sentence) throws Exception {
        String body = "{\"sentence\":\"" + sentence + "\",\"key\":\"3\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/test-calls"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.body().replaceAll(".*\"callId\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip();
    }

    /**
     * The first measurement (a counter's or timer's count, a gauge's value) of
     * {@code /actuator/metrics/<nameAndQuery>}, e.g. {@code some.counter?tag=reason:x}, as the admin reads it.
     */
    double metric(String nameAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/actuator/metrics/" + nameAndQuery))
                .header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(nameAndQuery + ": " + r.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body()).path("measurements").path(0).path("value").asDouble();
    }

    /** Whether the server logged {@code message} for the call (log lines carry the call id). */
    boolean logged(String callId, String message) throws IOException {
        return Files.readAllLines(log).stream().anyMatch(l -> l.contains("[" + callId + "]") && l.contains(message));
    }

    /** SIGKILL: no shutdown hook, no lifecycle stop, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

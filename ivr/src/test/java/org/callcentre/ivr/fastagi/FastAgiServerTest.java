package org.callcentre.ivr.fastagi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.fastagi.AgiScript;
import org.awaitility.Awaitility;
import org.callcentre.ivr.IvrProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The FastAGI server on the wire, fed the raw lines Asterisk sends. */
@ExtendWith(OutputCaptureExtension.class)
class FastAgiServerTest {

    private final List<String> served = new CopyOnWriteArrayList<>();
    private FastAgiServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        start(IvrProperties.SessionThreads.PLATFORM);
    }

    private void start(IvrProperties.SessionThreads threads) throws IOException {
        start(threads, Duration.ofSeconds(5));
    }

    private void start(IvrProperties.SessionThreads threads, Duration readTimeout) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        AgiScript ivr = (request, channel) -> {
            channel.streamFile("hello");
            served.add(request.getUniqueId() + " on " + (Thread.currentThread().isVirtual() ? "virtual" : "platform"));
        };
        server = FastAgiServers.create(new IvrProperties.FastAgi("127.0.0.1", port, List.of("127.0.0.1"), 10,
                readTimeout, threads), Map.of("ivr", ivr), Set.of("127.0.0.1"));
        server.start();
    }

    @Test
    void itsHealthIsUpWhileItListensWithItsSessionsAndDownOnceStopped() throws Exception {
        FastAgiHealthIndicator health = new FastAgiHealthIndicator(server);
        try (Session s = Session.open(port, "ivr", "7.7")) {
            assertThat(s.in.readLine()).isEqualTo("STREAM FILE \"hello\" \"\"");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("address", "127.0.0.1:" + port)
                    .containsEntry("sessions", 1).containsEntry("maxSessions", 10);
            s.reply("200 result=0 endpos=8000");
            s.awaitClose();
        }

        server.stop();

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("reason", "not listening");
    }

    @Test
    void sessionsRunOnVirtualThreadsWhenConfigured() throws Exception {
        server.stop();
        start(IvrProperties.SessionThreads.VIRTUAL);
        try (Session s = Session.open(port, "ivr", "5.5")) {
            assertThat(s.in.readLine()).isEqualTo("STREAM FILE \"hello\" \"\"");
            s.reply("200 result=0 endpos=8000");
            s.awaitClose();
        }

        assertThat(served).containsExactly("5.5 on virtual");
    }

    @Test
    void aSessionWhoseAsteriskStopsAnsweringEndsAfterTheReadTimeoutAndFreesItsSlot() throws Exception {
        server.stop();
        start(IvrProperties.SessionThreads.PLATFORM, Duration.ofMillis(300));
        long opened = System.nanoTime();
        try (Session s = Session.open(port, "ivr", "6.6")) {
            assertThat(s.in.readLine()).isEqualTo("STREAM FILE \"hello\" \"\"");
            assertThat(server.sessions()).isEqualTo(1);
            // no reply: the server gives up on the session and closes it
            assertThat(s.in.readLine()).isNull();
            // its wait began after the session opened, and fired no earlier than the timeout
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
        }
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> server.sessions() == 0);
        assertThat(served).isEmpty();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void unknownScriptIsRefusedWithOneLogLineAndTheServerKeepsServing(CapturedOutput output) throws Exception {
        try (Session s = Session.open(port, "no-such-script", "1.1")) {
            assertThat(s.in.readLine()).isEqualTo("SET VARIABLE \"CALLCENTRE_AGI\" \"REFUSED\"");
            s.reply("200 result=1");
        }
        try (Session s = Session.open(port, "ivr", "2.2")) {
            s.awaitClose();
        }

        assertThat(served).containsExactly("2.2 on platform");
        assertThat(output.getOut()).contains("Refused FastAGI request for unknown script 'no-such-script'");
        assertThat(output.getOut()).doesNotContain("Exception");
    }

    @Test
    void aSessionClosedBeforeItsRequestIsDroppedWithoutAnErrorAndTheServerKeepsServing(CapturedOutput output)
            throws Exception {
        // What Asterisk leaves behind when its FastAGI connect times out while the server is busy:
        // a connection that is accepted later and closes without a request.
        new Socket("127.0.0.1", port).close();
        try (Session s = Session.open(port, "ivr", "4.4")) {
            s.awaitClose();
        }

        assertThat(served).containsExactly("4.4 on platform");
        assertThat(output.getOut()).doesNotContain("Exception");
    }

    @Test
    void controlCharactersInScriptNamesDoNotReachTheLog(CapturedOutput output) throws Exception {
        try (Session s = Session.open(port, "evil\u001b[31mred", "3.3")) {
            s.in.readLine();
            s.reply("200 result=1");
        }
        assertThat(output.getOut()).contains("unknown script 'evil?[31mred'");
    }

    /** One AGI session as Asterisk opens it: the agi_ environment, a blank line, then replies. */
    private record Session(Socket socket, BufferedReader in, Writer out) implements AutoCloseable {
        static Session open(int port, String script, String uniqueId) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            out.write("agi_network: yes\nagi_network_script: " + script + "\nagi_request: agi://127.0.0.1/" + script
                    + "\nagi_channel: Local/s@test-00000001;1\nagi_uniqueid: " + uniqueId
                    + "\nagi_callerid: 5551234\n\n");
            out.flush();
            return new Session(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)), out);
        }

        void reply(String line) throws IOException {
            out.write(line + "\n");
            out.flush();
        }

        /** Answers whatever the server sends with success until it hangs up the session. */
        void awaitClose() throws IOException {
            while (in.readLine() != null) {
                reply("200 result=1");
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

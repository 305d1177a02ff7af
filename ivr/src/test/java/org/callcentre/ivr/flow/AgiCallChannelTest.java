package org.callcentre.ivr.flow;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.fastagi.FastAgiServer;
import org.callcentre.ivr.fastagi.FastAgiServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AGI adapter's new commands on the wire: the test plays Asterisk, reading the commands the
 * adapter sends and answering with the raw reply lines Asterisk 22 sends.
 */
class AgiCallChannelTest {

    private final CompletableFuture<Object> outcome = new CompletableFuture<>();
    private FastAgiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void keyedDigitsAreReadWithGetDataFromTheCallersPromptSet() throws Exception {
        try (AsteriskSide asterisk = serve(call -> call.readDigits("zh/callback-enter", 15, Duration.ofSeconds(6)))) {
            assertThat(asterisk.command()).isEqualTo("GET DATA \"/prompts/zh/callback-enter\" 6000 15");
            asterisk.reply("200 result=13800138000");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("13800138000");
    }

    @Test
    void hangupWhileKeyingDigitsIsCallerHungUp() throws Exception {
        try (AsteriskSide asterisk = serve(call -> call.readDigits("en/callback-enter", 15, Duration.ofSeconds(6)))) {
            asterisk.command();
            asterisk.reply("200 result=-1");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(CallerHungUp.class);
    }

    @Test
    void answeredTransferIsReportedEvenThoughTheCallerHasGoneWhenDialReturns() throws Exception {
        try (AsteriskSide asterisk = serve(call -> call.dial("PJSIP/200", Duration.ofSeconds(20)))) {
            assertThat(asterisk.command()).isEqualTo("EXEC \"Dial\" \"PJSIP/200,20\"");
            asterisk.reply("200 result=-1");
            assertThat(asterisk.command()).isEqualTo("GET VARIABLE \"DIALSTATUS\"");
            asterisk.reply("200 result=1 (ANSWER)");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("ANSWER");
    }

    @Test
    void messageIsRecordedIntoTheRecordingDirectoryKeptOnHangup() throws Exception {
        try (AsteriskSide asterisk = serve(call -> {
            call.recordMessage("vm-1.2.wav16", Duration.ofMinutes(2));
            return "recorded";
        })) {
            assertThat(asterisk.command()).isEqualTo("EXEC \"Record\" \"/spool/vm-1.2.wav16,5,120,k\"");
            asterisk.reply("200 result=-1");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("recorded");
    }

    @Test
    void skillIsSetAsAChannelVariableAndLanguagePresetReadBack() throws Exception {
        try (AsteriskSide asterisk = serve(call -> {
            call.setVariable("CALLCENTRE_SKILL", "complaints");
            return call.variable("CALLCENTRE_LANGUAGE");
        })) {
            assertThat(asterisk.command()).isEqualTo("SET VARIABLE \"CALLCENTRE_SKILL\" \"complaints\"");
            asterisk.reply("200 result=1");
            assertThat(asterisk.command()).isEqualTo("GET VARIABLE \"CALLCENTRE_LANGUAGE\"");
            asterisk.reply("200 result=1 (zh)");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(java.util.Optional.of("zh"));
    }

    @Test
    void theDialplansLinkedidAndAnswerSaveTheirRoundTripsAndTheSessionEndsWithoutAStatusVariable()
            throws Exception {
        try (AsteriskSide asterisk = serve("agi://127.0.0.1/ivr?linkedid=1700000000.7&answered=yes&flow=x", call -> {
            call.answer();
            String id = call.callId();
            call.play("en/welcome");
            return id;
        })) {
            assertThat(asterisk.command()).as("no ANSWER, no linkedid look-up: the prompt comes first")
                    .isEqualTo("STREAM FILE \"/prompts/en/welcome\" \"\"");
            asterisk.reply("200 result=0 endpos=8000");
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("1700000000.7");
            assertThat(asterisk.command()).as("Asterisk-Java's closing SET VARIABLE AJ_AGISTATUS is not sent")
                    .isNull();
        }
    }

    @Test
    void withoutTheDialplansHelpTheChannelIsAnsweredAndItsLinkedidAskedFor() throws Exception {
        try (AsteriskSide asterisk = serve(call -> {
            call.answer();
            return call.callId();
        })) {
            assertThat(asterisk.command()).isEqualTo("ANSWER");
            asterisk.reply("200 result=0");
            assertThat(asterisk.command()).isEqualTo("GET FULL VARIABLE \"${CHANNEL(linkedid)}\"");
            asterisk.reply("200 result=1 (1699999999.3)");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("1699999999.3");
    }

    @Test
    void otherVariablesAreStillSetAfterTheScriptsOwn() throws Exception {
        try (AsteriskSide asterisk = serve(call -> {
            call.setVariable("AJ_AGISTATUS", "ignored");
            call.setVariable("CALLCENTRE_SKILL", "vip");
            return "set";
        })) {
            assertThat(asterisk.command()).isEqualTo("SET VARIABLE \"CALLCENTRE_SKILL\" \"vip\"");
            asterisk.reply("200 result=1");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("set");
    }

    @FunctionalInterface
    private interface ChannelAction {
        Object run(CallChannel call) throws CallerHungUp;
    }

    private AsteriskSide serve(ChannelAction action) throws IOException {
        return serve("agi://127.0.0.1/ivr", action);
    }

    private AsteriskSide serve(String requestUrl, ChannelAction action) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = FastAgiServers.create(new IvrProperties.FastAgi("127.0.0.1", port, List.of("127.0.0.1"), 10,
                Duration.ofSeconds(5), IvrProperties.SessionThreads.PLATFORM), Map.of("ivr", (request, channel) -> {
                    try {
                        outcome.complete(action.run(new AgiCallChannel(request, channel, "/prompts", "/spool")));
                    } catch (CallerHungUp | RuntimeException e) {
                        outcome.complete(e);
                    }
                }), Set.of("127.0.0.1"));
        server.start();
        return AsteriskSide.open(port, requestUrl);
    }

    /** One AGI session as Asterisk opens it: the agi_ environment, a blank line, then replies. */
    private record AsteriskSide(Socket socket, BufferedReader in, Writer out) implements AutoCloseable {
        static AsteriskSide open(int port, String requestUrl) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            // Asterisk sends the script with its query as agi_network_script, e.g. "ivr?flow=x"
            String script = requestUrl.substring(requestUrl.indexOf('/', "agi://".length()) + 1);
            out.write("agi_network: yes\nagi_network_script: " + script + "\nagi_request: " + requestUrl + "\n"
                    + "agi_channel: Local/s@test-00000001;1\nagi_uniqueid: 1.2\nagi_callerid: 5551234\n\n");
            out.flush();
            return new AsteriskSide(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)), out);
        }

        String command() throws IOException {
            return in.readLine();
        }

        void reply(String line) throws IOException {
            out.write(line + "\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

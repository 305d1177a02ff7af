package org.callcentre.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.callcentre.flows.TestCalls.events;
import static org.callcentre.flows.TestCalls.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.callcentre.ivr.flow.callback.CallbackRequest;
import org.callcentre.ivr.flow.callback.CallbackRequests;
import org.callcentre.ivr.flow.callback.JdbcCallbackRequests;
import org.callcentre.stack.RealStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Flow files from the flow directory on a running server, called through real Asterisk: a
 * service-desk flow with a transfer to an extension and a callback request, and a flow dropped
 * into the directory while the server runs.
 */
@ExtendWith({RealStack.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext  // each context binds the stack's one FastAGI port: close it for the next class
class FlowFilesIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final String SERVICE_DESK = """
            flow: service-desk
            start: ask
            nodes:
              - id: ask
                kind: menu
                prompt: order-menu          # "... an agent, press 1 ... main menu, press 2"
                options:
                  "1": {next: duty-agent, choice: transfer}
                  "2": {next: callback, choice: callback}
                timeout: 5s
                attempts: 2
                invalid-prompt: invalid
                no-input-prompt: no-input
                fallback: bye
              - id: duty-agent
                kind: transfer
                prompt: transfer
                target: Local/agent1@agent-phones
                timeout: 10s
                failed: bye
              - id: callback
                kind: callback
                prompt: callback-offer      # "... your own number, press 1 ..."
                enter-prompt: callback-enter
                confirmed-prompt: callback-confirmed
                next: bye
              - id: bye
                kind: hangup
                prompt: goodbye
            """;
    private static Path flowDir;

    @DynamicPropertySource
    static void realStack(DynamicPropertyRegistry registry) {
        TestCalls.registerStack(registry, "flow-files");
        registry.add("callcentre.ivr.flows.dir", () -> flowDir().toString());
    }

    private static synchronized Path flowDir() {
        if (flowDir == null) {
            try {
                flowDir = Files.createTempDirectory("flows");
                Files.writeString(flowDir.resolve("service-desk.yaml"), SERVICE_DESK);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return flowDir;
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CallbackRequests callbacks;

    @Test
    void transferToAnExtensionIsTheCallsOutcome() throws Exception {
        String callId = new TestCalls(port).place(Map.of("flow", "service-desk", "keys", "W1",
                "sentence", "Hello duty manager"));

        JsonNode journey = new TestCalls(port).journeyOf(callId, CALL);

        assertThat(events(journey, "flow")).containsExactly("service-desk");
        assertThat(events(journey, "transfer")).containsExactly("Local/agent1@agent-phones ANSWER");
        assertThat(journey.path("outcome").asString()).isEqualTo("TRANSFERRED");
    }

    @Test
    void callbackOnTheCallersOwnNumberIsStoredForTheScheduler() throws Exception {
        // t=4 s menu 2 (callback), t~10 s 1 (my own number) during the callback offer
        String callId = new TestCalls(port).place(Map.of("flow", "service-desk", "keys", "W2WWWWW1",
                "callerNumber", "5551234"));

        JsonNode journey = new TestCalls(port).journeyOf(callId, CALL);

        assertThat(journey.path("outcome").asString()).isEqualTo("CALLBACK");
        assertThat(events(journey, "callback")).containsExactly("5551234");
        assertThat(((JdbcCallbackRequests) callbacks).pending()).extracting(CallbackRequest::callId,
                CallbackRequest::number, CallbackRequest::businessType).contains(
                org.assertj.core.groups.Tuple.tuple(callId, "5551234", "callback"));
    }

    @Test
    void flowFileDroppedIntoTheDirectoryIsServedWithoutARestart(CapturedOutput output) throws Exception {
        Files.writeString(flowDir().resolve("notice.yaml"), """
                flow: notice
                start: closed
                nodes:
                  - {id: closed, kind: play, prompt: after-hours, next: bye}
                  - {id: bye, kind: hangup, prompt: goodbye}
                """);
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Flows reloaded from"));

        String callId = new TestCalls(port).place(Map.of("flow", "notice", "keys", ""));
        JsonNode journey = new TestCalls(port).journeyOf(callId, CALL);

        assertThat(events(journey, "flow")).containsExactly("notice");
        assertThat(nodes(journey)).containsExactly("closed", "bye");
    }
}

package org.callcentre.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callcentre.flows.TestCalls.events;
import static org.callcentre.flows.TestCalls.nodes;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.callcentre.stack.RealStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The default hotline flow through real Asterisk, in English and Chinese: synthetic callers
 * press keys at the IVR's questions (timed to the spoken prompts, with generous windows), and
 * their journeys say where they went. The shop's order system is a local HTTP server.
 */
@ExtendWith(RealStack.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext  // each context binds the stack's one FastAGI port: close it for the next class
class HotlineFlowsIT {

    private static final Duration CALL = Duration.ofSeconds(90);
    private static final String KNOWN_CALLER = "5551234";
    private static final String CALLER_WHOSE_LOOKUP_HANGS = "5550000";
    private static final CountDownLatch RELEASE_SLOW_LOOKUPS = new CountDownLatch(1);
    private static HttpServer orderSystem;

    @DynamicPropertySource
    static void realStack(DynamicPropertyRegistry registry) {
        TestCalls.registerStack(registry, "flows");
        registry.add("callcentre.ivr.order-system.url", () -> "http://127.0.0.1:" + orderSystem().getAddress()
                .getPort() + "/shop");
        registry.add("callcentre.ivr.order-system.timeout", () -> "1s");
    }

    /** The shop: knows one caller with a shipped order; hangs on another (a slow order system). */
    private static synchronized HttpServer orderSystem() {
        if (orderSystem == null) {
            try {
                orderSystem = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            orderSystem.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            orderSystem.createContext("/shop/customers", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                if (("phone=" + CALLER_WHOSE_LOOKUP_HANGS).equals(query)) {
                    try {
                        RELEASE_SLOW_LOOKUPS.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = ("phone=" + KNOWN_CALLER).equals(query)
                        ? "{\"customerId\":\"c-17\",\"latestOrder\":{\"number\":\"4711\",\"status\":\"shipped\"}}"
                                .getBytes(StandardCharsets.UTF_8)
                        : new byte[0];
                exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            orderSystem.start();
        }
        return orderSystem;
    }

    @AfterAll
    static void stopOrderSystem() {
        RELEASE_SLOW_LOOKUPS.countDown();
        orderSystem.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void englishCallerHearsTheirOrderStatusAndThenReachesAnAgent() throws Exception {
        // t=4 s language 1 (English), t=7.5 s main menu 2 (order status); the read-back of order
        // 4711 takes ~7 s, then t=19 s order menu 1 (an agent); the caller stays on and speaks.
        String callId = calls().place(Map.of("keys", "W1WWW2WWWWWWWWWWW1WWWW", "callerNumber", KNOWN_CALLER,
                "sentence", "When will my parcel arrive"));

        JsonNode journey = calls().journeyOf(callId, CALL);

        assertThat(events(journey, "language")).containsExactly("en");
        assertThat(events(journey, "lookup")).singleElement().asString().startsWith("found c-17");
        assertThat(events(journey, "order-status")).containsExactly("shipped");
        assertThat(nodes(journey)).containsSubsequence("welcome", "language", "hours", "main-menu", "order-lookup",
                "order-status", "order-menu", "order-queue");
        assertThat(journey.path("menuChoice").asString()).isEqualTo("order-status");
        assertThat(events(journey, "skill")).containsExactly("order-status");
        assertThat(journey.path("queue").asString()).isEqualTo("support");
        assertThat(journey.path("agent").asString()).isEqualTo("agent1");
        assertThat(journey.path("outcome").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void chineseCallerComplainingAboutDeliveryIsQueuedAtComplaintPriority() throws Exception {
        // t=4 s language 2 (Chinese), t=7.5 s main menu 4 (complaints), t=11 s category 2 (logistics)
        String callId = calls().place(Map.of("keys", "W2WWW4WWW2WWWWW", "sentence", "My parcel is very late"));

        JsonNode journey = calls().journeyOf(callId, CALL);

        assertThat(events(journey, "language")).containsExactly("zh");
        assertThat(nodes(journey)).containsSubsequence("main-menu", "complaint-menu", "complaint-queue");
        assertThat(journey.path("menuChoice").asString()).isEqualTo("complaint-logistics");
        assertThat(events(journey, "priority")).containsExactly("5");
        assertThat(events(journey, "skill")).containsExactly("complaints");
        assertThat(journey.path("agent").asString()).isEqualTo("agent1");
        assertThat(journey.path("outcome").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void slowOrderSystemSendsTheCallerToAnAgentInsteadOfSilence() throws Exception {
        String callId = calls().place(Map.of("keys", "W1WWW2WWWWWW", "callerNumber", CALLER_WHOSE_LOOKUP_HANGS,
                "sentence", "Where is my order"));

        JsonNode journey = calls().journeyOf(callId, CALL);

        assertThat(events(journey, "lookup")).singleElement().asString().startsWith("unavailable after");
        assertThat(nodes(journey)).containsSubsequence("order-lookup", "order-queue").doesNotContain("order-status");
        assertThat(journey.path("outcome").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void callerWhoDoesNotAnswerTheLanguageQuestionIsServedInEnglish() throws Exception {
        // no language key: after the 3 s timeout (t~11 s) the main menu plays in English; 0 at t=15 s
        String callId = calls().place(Map.of("keys", "WWWWWWWWWWWW0WWWWW", "sentence", "Hello I need help"));

        JsonNode journey = calls().journeyOf(callId, CALL);

        assertThat(events(journey, "no-input")).hasSize(1);
        assertThat(events(journey, "language")).containsExactly("en");
        assertThat(journey.path("menuChoice").asString()).isEqualTo("agent");
        assertThat(journey.path("outcome").asString()).isEqualTo("ANSWERED");
    }

    private TestCalls calls() {
        return new TestCalls(port);
    }
}

package org.callcentre.ivr.flow.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a real local HTTP server playing the shop's order system. */
class HttpCallerLookupTest implements CallerLookupContract {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Override
    public CallerLookup knowingOneCustomer() throws IOException {
        return lookupAgainst(exchange -> {
            if (("phone=" + KNOWN_NUMBER.value()).equals(exchange.getRequestURI().getQuery())) {
                reply(exchange, 200, """
                        {"customerId":"c-17","latestOrder":{"number":"4711","status":"shipped"}}""");
            } else {
                reply(exchange, 404, "{}");
            }
        });
    }

    @Override
    public CallerLookup withOrderSystemDown() throws IOException {
        HttpCallerLookup lookup = (HttpCallerLookup) lookupAgainst(exchange -> reply(exchange, 500, ""));
        server.stop(0);  // nothing listens on the port any more
        server = null;
        return lookup;
    }

    @Test
    void slowOrderSystemIsUnavailableWithinTheTimeout() throws IOException {
        CallerLookup lookup = lookupAgainst(exchange -> {
            awaitRelease();
            reply(exchange, 200, "{\"customerId\":\"late\"}");
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> lookup.lookup(KNOWN_NUMBER)).isInstanceOf(CallerLookup.OrderSystemUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
    }

    @Test
    void serverErrorIsUnavailable() throws IOException {
        CallerLookup lookup = lookupAgainst(exchange -> reply(exchange, 503, "maintenance"));

        assertThatThrownBy(() -> lookup.lookup(KNOWN_NUMBER)).isInstanceOf(CallerLookup.OrderSystemUnavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void unreadableAnswerIsUnavailable() throws IOException {
        CallerLookup lookup = lookupAgainst(exchange -> reply(exchange, 200,
                "{\"customerId\":\"c-1\",\"latestOrder\":{\"number\":\"12; DROP\",\"status\":\"x\"}}"));

        assertThatThrownBy(() -> lookup.lookup(KNOWN_NUMBER)).isInstanceOf(CallerLookup.OrderSystemUnavailable.class);
    }

    @Test
    void unknownOrderStateIsReadAsUnknown() throws Exception {
        CallerLookup lookup = lookupAgainst(exchange -> reply(exchange, 200,
                "{\"customerId\":\"c-1\",\"latestOrder\":{\"number\":\"12\",\"status\":\"lost-in-space\"}}"));

        assertThat(lookup.lookup(KNOWN_NUMBER).flatMap(Customer::order).map(Customer.LatestOrder::state))
                .contains(Customer.OrderState.UNKNOWN);
    }

    @Test
    void theNumberIsSentAsAnEncodedQueryParameter() throws Exception {
        knowingOneCustomer().lookup(KNOWN_NUMBER);

        assertThat(queries).containsExactly("phone=%2B8613800138000");
    }

    private CallerLookup lookupAgainst(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/shop/customers", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            handler.handle(exchange);
        });
        server.start();
        return new HttpCallerLookup(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/shop"),
                TIMEOUT);
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}

package org.callcentre.ivr.flow.lookup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link CallerLookup} against the shop's order system over HTTP:
 * {@code GET {baseUrl}/customers?phone=+8613800000000} answers 200 with
 * {@code {"customerId":"c-1","latestOrder":{"number":"123456","status":"shipped"}}} or 404.
 * Anything else, or no complete answer within {@code timeout}, is {@link OrderSystemUnavailable}.
 * Thread-safe (the JDK client is).
 */
public final class HttpCallerLookup implements CallerLookup {

    /** A customer record is a few hundred bytes; a huge body is not one. */
    private static final int MAX_BODY = 64 * 1024;

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpCallerLookup(URI baseUrl, Duration timeout) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<Customer> lookup(CallerNumber number) throws OrderSystemUnavailable {
        URI uri = baseUrl.resolve("customers?phone=" + URLEncoder.encode(number.value(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OrderSystemUnavailable("order system not reachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderSystemUnavailable("interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> Optional.of(customer(response.body()));
            case 404 -> Optional.empty();
            default -> throw new OrderSystemUnavailable("order system answered HTTP " + response.statusCode());
        };
    }

    private Customer customer(byte[] body) throws OrderSystemUnavailable {
        if (body.length > MAX_BODY) {
            throw new OrderSystemUnavailable("order system answer too large");
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode order = root.path("latestOrder");
            Customer.LatestOrder latest = order.isObject()
                    ? new Customer.LatestOrder(order.path("number").asString(),
                            Customer.OrderState.of(order.path("status").asString()))
                    : null;
            return new Customer(root.path("customerId").asString(), latest);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new OrderSystemUnavailable("order system answered an unreadable customer");
        }
    }
}

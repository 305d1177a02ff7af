package org.callcentre;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;

/** What the stack's Elasticsearch holds of a call, read over its REST API. */
final class IndexedCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IndexedCalls() {
    }

    /** The call's documents in {@code index}; -1 while the index does not answer (Elasticsearch down, no index yet). */
    static long count(URI es, String index, String callId) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(es.resolve("/" + index + "/_count?q=call_id:"
                + callId)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("count").asLong() : -1;
    }
}

package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.http.HttpHost;
import org.callcentre.recording.CallHit;
import org.callcentre.recording.InvalidSearchQuery;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.SearchQuery;
import org.elasticsearch.client.RestClient;

/**
 * {@link CallIndex} on Elasticsearch 8.19. The alias {@code name} points at {@code name-v1}; a
 * mapping change creates {@code name-v2}, reindexes and moves the alias.
 */
public final class ElasticsearchCallIndex implements CallIndex, AutoCloseable {

    static final int MAPPING_VERSION = 1;

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String alias;
    private final TranscriptAnalysis analysis = new TranscriptAnalysis();
    private final SearchSyntax syntax = new SearchSyntax(analysis);
    private volatile boolean prepared;

    public ElasticsearchCallIndex(RecordingProperties.Index config) {
        int timeout = Math.toIntExact(config.timeout().toMillis());
        this.rest = RestClient.builder(HttpHost.create(config.url().toString()))
                .setRequestConfigCallback(r -> r.setConnectTimeout(timeout).setSocketTimeout(timeout))
                .build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new Jackson3JsonpMapper()));
        this.alias = config.name();
    }

    @Override
    public void prepare() {
        String index = alias + "-v" + MAPPING_VERSION;
        call(() -> {
            if (client.indices().exists(e -> e.index(alias)).value()
                    && !client.indices().existsAlias(e -> e.name(alias)).value()) {
                throw new IllegalStateException("'" + alias + "' is a concrete index, not our alias; "
                        + "reindex it into " + index + " and delete it");
            }
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index)
                        .aliases(alias, a -> a.isWriteIndex(true))
                        .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                                .properties("call_id", p -> p.keyword(k -> k))
                                .properties("started_at", p -> p.date(d -> d))
                                .properties("ended_at", p -> p.date(d -> d))
                                .properties("duration_seconds", p -> p.long_(l -> l))
                                .properties("outcome", p -> p.keyword(k -> k))
                                .properties("last_node", p -> p.keyword(k -> k))
                                .properties("menu_choice", p -> p.keyword(k -> k))
                                .properties("queue", p -> p.keyword(k -> k))
                                .properties("agent", p -> p.keyword(k -> k))
                                .properties("recording_id", p -> p.keyword(k -> k))
                                .properties("transcript", p -> p.text(t -> t.analyzer("whitespace")))
                                .properties("transcript_text", p -> p.text(t -> t.index(false)))));
            }
            return null;
        });
        prepared = true;
    }

    /** The index may be down when the server starts: prepare on first use instead. */
    private void ensurePrepared() {
        if (!prepared) {
            prepare();
        }
    }

    @Override
    public void index(CallDocument d) {
        ensurePrepared();
        CallDocument analysed = new CallDocument(d.callId(), d.startedAt(), d.endedAt(), d.durationSeconds(),
                d.outcome(), d.lastNode(), d.menuChoice(), d.queue(), d.agent(), d.recordingId(),
                analysis.tokens(d.transcriptText() == null ? "" : d.transcriptText()), d.transcriptText());
        call(() -> client.index(i -> i.index(alias).id(d.callId()).document(analysed)));
    }

    @Override
    public List<CallHit> search(SearchQuery query) {
        ensurePrepared();
        Query parsed = syntax.parse(query.text());
        Query scoped = query.onlyAgent()
                .map(agent -> Query.of(q -> q.bool(b -> b.must(parsed).filter(f -> f.term(t -> t.field("agent")
                        .value(agent))))))
                .orElse(parsed);
        SearchResponse<CallDocument> response;
        try {
            response = call(() -> client.search(s -> s.index(alias).query(scoped)
                    .size(query.limit())
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("started_at").order(SortOrder.Desc))), CallDocument.class));
        } catch (IndexUnavailable e) {
            if (e.getCause() instanceof ElasticsearchException es && es.status() == 400) {
                throw new InvalidSearchQuery("the index rejected the query: " + es.error().reason());
            }
            throw e;
        }
        return response.hits().hits().stream().map(ElasticsearchCallIndex::toHit).toList();
    }

    private static CallHit toHit(Hit<CallDocument> hit) {
        CallDocument d = hit.source();
        return new CallHit(d.callId(), instant(d.startedAt()), instant(d.endedAt()), d.outcome(), d.menuChoice(),
                d.queue(), d.agent(), d.recordingId(), d.transcriptText(), hit.score() == null ? 0 : hit.score());
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private <T> T call(IoCall<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            throw new IndexUnavailable("Elasticsearch error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IndexUnavailable("Elasticsearch unreachable: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}

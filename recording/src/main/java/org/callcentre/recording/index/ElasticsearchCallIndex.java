package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.callcentre.recording.CallHit;
import org.callcentre.recording.CallSearch.IndexUnavailable;
import org.callcentre.recording.InvalidSearchQuery;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.SearchQuery;
import org.callcentre.recording.UtteranceHit;
import org.callcentre.recording.transcription.Utterance;
import org.callcentre.recording.transcription.Word;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;

/**
 * {@link CallIndex} on Elasticsearch 8.19. Two indices, each an alias over a versioned index
 * (see {@link IndexMappings}): call documents, and flat utterance documents beside them. A mapping
 * change creates {@code -v2}, reindexes and moves the alias. A call and its utterances go in one
 * bulk request, with ids derived from the call id, so indexing again overwrites.
 */
public final class ElasticsearchCallIndex implements CallIndex, AutoCloseable {

    private final RestClient rest;
    private final ElasticsearchClient client;
    /** The client for health checks: a free connection is waited for no longer than a request. */
    private final ElasticsearchClient healthClient;
    private final String alias;
    private final String utterancesAlias;
    private final TranscriptAnalysis analysis = new TranscriptAnalysis();
    private final SoundsLike soundsLike = new SoundsLike();
    private final SearchSyntax syntax;
    private final Highlights highlights = new Highlights(analysis);
    private volatile boolean prepared;

    public ElasticsearchCallIndex(RecordingProperties.Index config) {
        int timeout = Math.toIntExact(config.timeout().toMillis());
        this.rest = RestClient.builder(HttpHost.create(config.url().toString()))
                .setRequestConfigCallback(r -> r.setConnectTimeout(timeout).setSocketTimeout(timeout))
                .build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new Jackson3JsonpMapper()));
        this.healthClient = client.withTransportOptions(new RestClientOptions(RequestOptions.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setConnectTimeout(timeout)
                        .setSocketTimeout(timeout).build())
                .build(), false));
        this.syntax = new SearchSyntax(analysis, config.minimumShouldMatch(), config.matching());
        this.alias = config.name();
        this.utterancesAlias = IndexMappings.utterancesAlias(alias);
    }

    @Override
    public void prepare() {
        call(() -> {
            IndexMappings.ensure(client, alias, IndexMappings.CALLS_VERSION, IndexMappings.calls(),
                    IndexMappings.CALLS_ORDER);
            IndexMappings.ensure(client, utterancesAlias, IndexMappings.UTTERANCES_VERSION,
                    IndexMappings.utterances(), IndexMappings.UTTERANCES_ORDER);
            FollowUpBackfill.run(client, alias, utterancesAlias);
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

    /**
     * The cluster's health ({@code GET /_cluster/health}, which answers at once: it waits for no
     * status), bounded by the configured timeout for the connection, waiting for a free one, and
     * the answer.
     *
     * @throws IndexUnavailable when Elasticsearch cannot be reached or does not answer in time
     */
    HealthResponse clusterHealth() {
        return call(() -> healthClient.cluster().health());
    }

    @Override
    public void index(IndexedCall call) {
        indexAll(List.of(call));
    }

    @Override
    public void indexAll(List<IndexedCall> calls) {
        ensurePrepared();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IndexedCall c : calls) {
            CallDocument d = c.call();
            String tokens = analysis.tokens(d.transcriptText() == null ? "" : d.transcriptText(), c.language());
            String alternatives = analysis.tokens(c.utterances().stream().map(ElasticsearchCallIndex::alternatives)
                    .collect(Collectors.joining(" ")), c.language());
            CallDocument analysed = d.withTranscript(tokens, soundsLike.codes(tokens), alternatives);
            bulk.operations(o -> o.index(i -> i.index(alias).id(d.callId()).document(analysed)));
            for (int seq = 0; seq < c.utterances().size(); seq++) {
                UtteranceDocument u = utterance(d, seq, c.utterances().get(seq), c.language());
                bulk.operations(o -> o.index(i -> i.index(utterancesAlias).id(u.id()).document(u)));
            }
        }
        BulkResponse response = call(() -> client.bulk(bulk.build()));
        if (response.errors()) {
            String reason = response.items().stream().filter(i -> i.error() != null).findFirst()
                    .map(i -> i.id() + ": " + i.error().reason()).orElse("unknown");
            throw new IndexUnavailable("Elasticsearch refused part of a bulk request, e.g. " + reason, null);
        }
    }

    @Override
    public void delete(String callId) {
        ensurePrepared();
        // this distribution has no delete-by-query (reindex module): find the ids, delete in bulk
        call(() -> {
            var found = client.search(s -> s.index(utterancesAlias).size(10_000).source(src -> src.fetch(false))
                    .query(q -> q.term(t -> t.field("call_id").value(callId))), Void.class);
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
            bulk.operations(o -> o.delete(d -> d.index(alias).id(callId)));
            found.hits().hits().forEach(h -> bulk.operations(o -> o.delete(d -> d.index(utterancesAlias).id(h.id()))));
            return client.bulk(bulk.build());
        });
    }

    private UtteranceDocument utterance(CallDocument call, int seq, Utterance u, String language) {
        double confidence = u.words().stream().mapToDouble(Word::confidence).average().orElse(0);
        String tokens = analysis.tokens(u.text(), language);
        return new UtteranceDocument(call.callId(), seq, u.speaker().name().toLowerCase(Locale.ROOT), u.start(),
                u.end(), call.startedAt(), confidence, call.agent(), call.queue(), call.menuChoice(), call.outcome(),
                call.businessType(), call.resolved(), call.followUp(), language, tokens, u.text(),
                soundsLike.codes(tokens), analysis.tokens(alternatives(u), language));
    }

    /** The words the recogniser nearly heard in an utterance, as text. */
    private static String alternatives(Utterance u) {
        return u.alternatives().stream().map(Word::text).collect(Collectors.joining(" "));
    }

    @Override
    public List<CallHit> search(SearchQuery query) {
        ensurePrepared();
        Query scoped = scoped(syntax.parse(query.text(), SearchSyntax.Target.CALLS), query);
        SearchResponse<CallDocument> response = searching(() -> client.search(s -> s.index(alias).query(scoped)
                .size(query.limit())
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("started_at").order(SortOrder.Desc))), CallDocument.class));
        return response.hits().hits().stream().map(ElasticsearchCallIndex::toHit).toList();
    }

    @Override
    public List<UtteranceHit> searchUtterances(SearchQuery query) {
        ensurePrepared();
        Query scoped = scoped(syntax.parse(query.text(), SearchSyntax.Target.UTTERANCES), query);
        SearchResponse<UtteranceDocument> response = searching(() -> client.search(s -> s.index(utterancesAlias)
                .query(scoped).size(query.limit())
                .highlight(h -> h.fields("text", f -> f.numberOfFragments(0)))
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("call_started_at").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("start_seconds").order(SortOrder.Asc))), UtteranceDocument.class));
        return response.hits().hits().stream().map(h -> {
            UtteranceDocument u = h.source();
            return new UtteranceHit(u.callId(), u.speaker(), u.startSeconds(), u.endSeconds(), u.textRaw(),
                    highlights.mark(u.textRaw(), h.highlight().getOrDefault("text", List.of()), u.language()),
                    h.score() == null ? 0 : h.score(), matchedBy(h));
        }).toList();
    }

    private static Query scoped(Query parsed, SearchQuery query) {
        return query.onlyAgent()
                .map(agent -> Query.of(q -> q.bool(b -> b.must(parsed).filter(f -> f.term(t -> t.field("agent")
                        .value(agent))))))
                .orElse(parsed);
    }

    /** Runs a search; a query Elasticsearch rejects is the user's error, not an outage. */
    private <T> T searching(IoCall<T> search) {
        try {
            return call(search);
        } catch (IndexUnavailable e) {
            if (e.getCause() instanceof ElasticsearchException es && es.status() == 400) {
                throw new InvalidSearchQuery("the index rejected the query: " + es.error().reason());
            }
            throw e;
        }
    }

    private static CallHit toHit(Hit<CallDocument> hit) {
        CallDocument d = hit.source();
        return new CallHit(d.callId(), instant(d.startedAt()), instant(d.endedAt()), d.outcome(), d.menuChoice(),
                d.queue(), d.agent(), d.recordingId(), d.transcriptText(), d.businessType(), d.resolved(),
                d.followUp(), hit.score() == null ? 0 : hit.score(), matchedBy(hit));
    }

    /** Why the hit matched: the kinds of its matching clauses (SearchSyntax.Match), each once. */
    private static List<String> matchedBy(Hit<?> hit) {
        return hit.matchedQueries() == null ? List.of() : hit.matchedQueries().stream()
                .map(name -> name.substring(0, name.indexOf(':') < 0 ? name.length() : name.indexOf(':')))
                .distinct().sorted().toList();
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

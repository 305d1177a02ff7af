package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned mappings of our two indices, kept as index templates, each index behind an alias: {@code <name>} over
 * {@code <name>-v<version>} for calls, {@code <name>-utterances} over
 * {@code <name>-utterances-v<version>} for utterances. Text fields hold tokens analysed in the
 * application, split on whitespace by Elasticsearch (see {@link TranscriptAnalysis}).
 */
final class IndexMappings {

    private static final Logger log = LoggerFactory.getLogger(IndexMappings.class);
    private static final int COPY_PAGE = 1000;

    /**
     * 2: the agent's wrap-up (business type, resolved, follow-up) and the recording's pauses;
     * within 2, the transcript's sounds-like codes and the alternatives' tokens (calls indexed
     * before have neither, and are found by their words alone).
     */
    static final int CALLS_VERSION = 2;
    /**
     * 2: the call's business type and resolved flag, for filtered utterance searches; within 2,
     * its follow-up flag (put on older documents by {@link FollowUpBackfill}), the text's
     * sounds-like codes and the alternatives' tokens.
     */
    static final int UTTERANCES_VERSION = 2;

    private IndexMappings() {
    }

    /** Fields that identify a document of each index, in order: how a copy pages through it. */
    static final List<String> CALLS_ORDER = List.of("call_id");
    static final List<String> UTTERANCES_ORDER = List.of("call_id", "seq");

    static String utterancesAlias(String callsAlias) {
        return callsAlias + "-utterances";
    }

    static TypeMapping calls() {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
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
                .properties("transcript_sounds", p -> p.text(t -> t.analyzer("whitespace")))
                .properties("transcript_alternatives", p -> p.text(t -> t.analyzer("whitespace")))
                .properties("transcript_text", p -> p.text(t -> t.index(false)))
                .properties("business_type", p -> p.keyword(k -> k))
                .properties("resolved", p -> p.boolean_(b -> b))
                .properties("follow_up", p -> p.boolean_(b -> b))
                .properties("recording_paused_seconds", p -> p.double_(d -> d))
                .properties("recording_pauses", p -> p.object(o -> o
                        .properties("from", f -> f.date(d -> d))
                        .properties("to", f -> f.date(d -> d))
                        .properties("from_seconds", f -> f.double_(d -> d))
                        .properties("to_seconds", f -> f.double_(d -> d))
                        .properties("paused_by", f -> f.keyword(k -> k))
                        .properties("paused_via", f -> f.keyword(k -> k))
                        .properties("resumed_by", f -> f.keyword(k -> k))
                        .properties("resumed_via", f -> f.keyword(k -> k)))));
    }

    static TypeMapping utterances() {
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties("call_id", p -> p.keyword(k -> k))
                .properties("seq", p -> p.integer(i -> i))
                .properties("speaker", p -> p.keyword(k -> k))
                .properties("start_seconds", p -> p.double_(d -> d))
                .properties("end_seconds", p -> p.double_(d -> d))
                .properties("call_started_at", p -> p.date(d -> d))
                .properties("confidence", p -> p.float_(f -> f))
                .properties("agent", p -> p.keyword(k -> k))
                .properties("queue", p -> p.keyword(k -> k))
                .properties("menu_choice", p -> p.keyword(k -> k))
                .properties("outcome", p -> p.keyword(k -> k))
                .properties("business_type", p -> p.keyword(k -> k))
                .properties("resolved", p -> p.boolean_(b -> b))
                .properties("follow_up", p -> p.boolean_(b -> b))
                .properties("language", p -> p.keyword(k -> k))
                .properties("text", p -> p.text(t -> t.analyzer("whitespace")))
                .properties("text_sounds", p -> p.text(t -> t.analyzer("whitespace")))
                .properties("text_alternatives", p -> p.text(t -> t.analyzer("whitespace")))
                .properties("text_raw", p -> p.text(t -> t.index(false))));
    }

    /**
     * Keeps the mapping as the index template {@code alias-v<version>} (so the versioned mappings
     * live in the cluster, visible to operators and applied to any index of that version), creates
     * {@code alias-v<version>} unless it exists, and makes sure the alias is on it. When the alias is
     * still on an older version, that version's documents are copied into the new index (ids kept,
     * so a copy cut short by a crash is simply done again at the next start) and the alias moves in
     * one atomic step; the old index is left for operators to delete. Copying suits additive
     * mapping changes; a change that renames or retypes a field needs a transform here. An index
     * already on the current version gets the mapping put on it, so fields added within a version
     * reach it; a change Elasticsearch cannot apply in place fails here and needs a new version.
     */
    static void ensure(ElasticsearchClient client, String alias, int version, TypeMapping mapping,
            List<String> uniqueOrder) throws IOException {
        String index = alias + "-v" + version;
        if (client.indices().exists(e -> e.index(alias)).value()
                && !client.indices().existsAlias(e -> e.name(alias)).value()) {
            throw new IllegalStateException("'" + alias + "' is a concrete index, not our alias; "
                    + "reindex it into " + index + " and delete it");
        }
        client.indices().putIndexTemplate(t -> t.name(index).indexPatterns(index).priority(100L)
                .template(tt -> tt.mappings(mapping)));
        Optional<String> current = indexBehind(client, alias);
        if (current.isEmpty()) {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
            } else {
                client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(index).alias(alias)
                        .isWriteIndex(true))));
            }
            return;
        }
        if (current.get().equals(index)) {
            client.indices().putMapping(p -> p.index(index).dynamic(mapping.dynamic())
                    .properties(mapping.properties()));
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            client.indices().create(c -> c.index(index));
        }
        long copied = copy(client, current.get(), index, uniqueOrder);
        String old = current.get();
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(old).alias(alias)))
                .actions(a -> a.add(x -> x.index(index).alias(alias).isWriteIndex(true))));
        log.info("Index {} moved from {} to {} ({} documents copied); {} can be deleted", alias, old, index,
                copied, old);
    }

    private static Optional<String> indexBehind(ElasticsearchClient client, String alias) throws IOException {
        if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
            return Optional.empty();
        }
        return client.indices().getAlias(g -> g.name(alias)).result().keySet().stream()
                .max(Comparator.comparingInt(IndexMappings::versionOf));
    }

    private static int versionOf(String index) {
        int v = index.lastIndexOf("-v");
        try {
            return v < 0 ? 0 : Integer.parseInt(index.substring(v + 2));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Copies every document, in pages ordered by fields that identify a document ({@code _id}
     * cannot be sorted on): this distribution has no reindex module.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static long copy(ElasticsearchClient client, String from, String to, List<String> uniqueOrder)
            throws IOException {
        long copied = 0;
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Map> page = client.search(s -> {
                s.index(from).size(COPY_PAGE);
                uniqueOrder.forEach(field -> s.sort(o -> o.field(f -> f.field(field))));
                return searchAfter.isEmpty() ? s : s.searchAfter(searchAfter);
            }, Map.class);
            List<Hit<Map>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                client.indices().refresh(r -> r.index(to));
                return copied;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Hit<Map> hit : hits) {
                bulk.operations(o -> o.index(i -> i.index(to).id(hit.id()).document(hit.source())));
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new IllegalStateException("copying " + from + " into " + to + " failed: " + response.items()
                        .stream().filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse("?"));
            }
            copied += hits.size();
            after = hits.getLast().sort();
        }
    }
}

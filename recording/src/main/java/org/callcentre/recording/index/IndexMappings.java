package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;

/**
 * The versioned mappings of our two indices, kept as index templates, each index behind an alias: {@code <name>} over
 * {@code <name>-v<version>} for calls, {@code <name>-utterances} over
 * {@code <name>-utterances-v<version>} for utterances. Text fields hold tokens analysed in the
 * application, split on whitespace by Elasticsearch (see {@link TranscriptAnalysis}).
 */
final class IndexMappings {

    static final int CALLS_VERSION = 1;
    static final int UTTERANCES_VERSION = 1;

    private IndexMappings() {
    }

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
                .properties("transcript_text", p -> p.text(t -> t.index(false)))
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
                .properties("language", p -> p.keyword(k -> k))
                .properties("text", p -> p.text(t -> t.analyzer("whitespace")))
                .properties("text_raw", p -> p.text(t -> t.index(false))));
    }

    /**
     * Keeps the mapping as the index template {@code alias-v<version>} (so the versioned mappings
     * live in the cluster, visible to operators and applied to any index of that version), then
     * creates {@code alias-v<version>} with the alias on it, unless it exists. An existing index gets
     * the mapping put on it: fields added within a version (e.g. {@code recording_pauses}) reach it;
     * a change Elasticsearch cannot apply in place fails here and needs a new version.
     */
    static void ensure(ElasticsearchClient client, String alias, int version, TypeMapping mapping)
            throws IOException {
        String index = alias + "-v" + version;
        if (client.indices().exists(e -> e.index(alias)).value()
                && !client.indices().existsAlias(e -> e.name(alias)).value()) {
            throw new IllegalStateException("'" + alias + "' is a concrete index, not our alias; "
                    + "reindex it into " + index + " and delete it");
        }
        client.indices().putIndexTemplate(t -> t.name(index).indexPatterns(index).priority(100L)
                .template(tt -> tt.mappings(mapping)));
        if (!client.indices().exists(e -> e.index(index)).value()) {
            client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
        } else {
            client.indices().putMapping(p -> p.index(index).dynamic(mapping.dynamic())
                    .properties(mapping.properties()));
        }
    }
}

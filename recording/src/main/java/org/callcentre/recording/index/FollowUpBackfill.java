package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Utterance documents indexed before they carried their call's follow-up flag get it from their
 * call's document, so {@code followup:} finds the utterances of calls wrapped up before the
 * upgrade without indexing every call again. Only wrapped-up calls' utterances (they have
 * {@code resolved}) lacking {@code follow_up} are touched; the first start after the upgrade
 * fills them, later starts find none. Each update is conditional on the utterance being as read
 * ({@code if_seq_no}), so one the pipeline indexed again meanwhile, with a newer wrap-up, is
 * left alone. This distribution has neither update-by-query nor scripts: partial updates in bulk.
 */
final class FollowUpBackfill {

    private static final Logger log = LoggerFactory.getLogger(FollowUpBackfill.class);
    private static final int PAGE = 1000;

    private FollowUpBackfill() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static long run(ElasticsearchClient client, String callsAlias, String utterancesAlias) throws IOException {
        long updated = 0;
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Map> page = client.search(s -> {
                s.index(utterancesAlias).size(PAGE).seqNoPrimaryTerm(true)
                        .source(src -> src.filter(f -> f.includes("call_id")))
                        .query(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("resolved")))
                                .mustNot(n -> n.exists(e -> e.field("follow_up")))));
                IndexMappings.UTTERANCES_ORDER.forEach(field -> s.sort(o -> o.field(f -> f.field(field))));
                return searchAfter.isEmpty() ? s : s.searchAfter(searchAfter);
            }, Map.class);
            List<Hit<Map>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                if (updated > 0) {
                    log.info("{} utterances got their call's follow-up flag", updated);
                }
                return updated;
            }
            Map<String, Boolean> followUp = followUps(client, callsAlias,
                    hits.stream().map(h -> (String) h.source().get("call_id")).distinct().toList());
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            int operations = 0;
            for (Hit<Map> hit : hits) {
                Boolean value = followUp.get((String) hit.source().get("call_id"));
                if (value != null) {
                    bulk.operations(o -> o.update(u -> u.index(hit.index()).id(hit.id()).ifSeqNo(hit.seqNo())
                            .ifPrimaryTerm(hit.primaryTerm()).action(a -> a.doc(Map.of("follow_up", value)))));
                    operations++;
                }
            }
            if (operations > 0) {
                BulkResponse response = client.bulk(bulk.build());
                updated += response.items().stream().filter(i -> i.error() == null).count();
                response.items().stream().filter(i -> i.error() != null && i.status() != 409).findFirst()
                        .ifPresent(i -> log.warn("Could not give utterance {} its call's follow-up flag: {}", i.id(),
                                i.error().reason()));
            }
            after = hits.getLast().sort();
        }
    }

    /** The follow-up flag of each call that has one. */
    @SuppressWarnings("rawtypes")
    private static Map<String, Boolean> followUps(ElasticsearchClient client, String callsAlias, List<String> callIds)
            throws IOException {
        MgetResponse<Map> calls = client.mget(m -> m.index(callsAlias).ids(callIds).sourceIncludes("follow_up"),
                Map.class);
        Map<String, Boolean> followUp = new HashMap<>();
        calls.docs().stream().filter(d -> d.isResult() && d.result().found() && d.result().source() != null)
                .forEach(d -> {
                    if (d.result().source().get("follow_up") instanceof Boolean b) {
                        followUp.put(d.result().id(), b);
                    }
                });
        return followUp;
    }
}

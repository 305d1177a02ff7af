package org.callcentre.recording.index;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.callcentre.recording.CallSearch.IndexUnavailable;
import org.callcentre.recording.RecordingProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code elasticsearch} component of the server's health, from the cluster health API (this
 * distribution does not serve {@code GET /}): UP when the cluster answers green or yellow (a
 * single node cannot place replicas, so yellow is its normal state), DOWN when it is red (a
 * primary shard is missing: searches and indexing fail) or does not answer within
 * {@code callcentre.recording.index.timeout}. While it is DOWN, searches fail and finished calls
 * wait in the pipeline without spending attempts.
 */
@Component
class ElasticsearchHealthIndicator implements HealthIndicator {

    private final ElasticsearchCallIndex index;
    private final String url;

    ElasticsearchHealthIndicator(ElasticsearchCallIndex index, RecordingProperties config) {
        this.index = index;
        this.url = config.index().url().toString();
    }

    @Override
    public Health health() {
        HealthResponse cluster;
        try {
            cluster = index.clusterHealth();
        } catch (IndexUnavailable e) {   // unreachable, too slow, or an error answer
            return Health.down().withDetail("url", url).withDetail("error", e.getMessage()).build();
        }
        Health.Builder health = cluster.status() == HealthStatus.Red ? Health.down() : Health.up();
        return health.withDetail("url", url)
                .withDetail("cluster", cluster.clusterName())
                .withDetail("clusterStatus", cluster.status().jsonValue())
                .withDetail("nodes", cluster.numberOfNodes())
                .build();
    }
}

package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.QueueSummaryAction;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueSummaryEvent;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.ivr.queue.QueueCatalog;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The queues Asterisk runs are the configured ones (callcentre.ivr.queues, rendered into
 * queues.conf by the server's jar when the stack starts), with the configured parameters, and the
 * floor reports every configured queue with its own service-level threshold.
 */
class ConfiguredQueuesIT extends RealStackTest {

    @Autowired
    AmiConnection ami;

    @Autowired
    IvrProperties ivr;

    @Autowired
    QueueCatalog catalog;

    @Test
    void asteriskRunsExactlyTheConfiguredQueuesWithTheirParameters() {
        assertThat(ivr.queues()).extracting(IvrProperties.Queue::name).as("the stack configures two queues")
                .containsExactly("support", "complaints");
        assertThat(ami.awaitConnected(Duration.ofSeconds(30))).as("AMI logged in").isTrue();

        Map<String, QueueParamsEvent> params = ami.sendEventGenerating(new QueueStatusAction()).stream()
                .filter(QueueParamsEvent.class::isInstance).map(QueueParamsEvent.class::cast)
                .collect(Collectors.toMap(QueueParamsEvent::getQueue, Function.identity()));
        assertThat(params.keySet()).containsExactlyInAnyOrder("support", "complaints");
        for (IvrProperties.Queue q : ivr.queues()) {
            QueueParamsEvent live = params.get(q.name());
            assertThat(live.getStrategy()).as(q.name()).isEqualTo(q.strategy().name().toLowerCase(Locale.ROOT));
            assertThat(live.getServiceLevel()).as(q.name()).isEqualTo((int) q.serviceLevel().toSeconds());
            assertThat(live.getWeight()).as(q.name()).isEqualTo(q.weight());
            assertThat(live.getMax()).as(q.name()).isEqualTo(q.maxCallers());
        }
        assertThat(catalog.differencesFrom(params.values().stream().map(p -> new QueueCatalog.LiveQueue(p.getQueue(),
                p.getStrategy(), p.getServiceLevel(), p.getWeight(), p.getMax())).toList())).isEmpty();
        assertThat(params.get("complaints").getStrategy()).isEqualTo("fewestcalls");
        assertThat(params.get("complaints").getWeight()).isEqualTo(10);

        List<String> summarised = ami.sendEventGenerating(new QueueSummaryAction()).stream()
                .filter(QueueSummaryEvent.class::isInstance).map(e -> ((QueueSummaryEvent) e).getQueue()).toList();
        assertThat(summarised).containsExactlyInAnyOrder("support", "complaints");
    }

    @Test
    void theFloorShowsEveryConfiguredQueueWithItsOwnServiceLevelThreshold() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode queues = json.readTree(get("supervisor", "/api/floor").body()).path("queues");
            Map<String, Long> thresholds = queues.valueStream().collect(Collectors.toMap(
                    q -> q.path("queue").asString(), q -> q.path("serviceLevelThresholdSeconds").asLong()));
            assertThat(thresholds).containsEntry("support", 15L).containsEntry("complaints", 30L);
        });
    }
}

package org.callcentre.ivr.flow.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** Callback requests in the table the module's Flyway migration creates (run here on H2). */
class JdbcCallbackRequestsTest {

    private final EmbeddedDatabase db = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .setName("callbacks-" + UUID.randomUUID())
            .addScript("db/migration/V1_1_1__callback_request.sql").build();
    private final JdbcCallbackRequests requests = new JdbcCallbackRequests(JdbcClient.create(db));

    @AfterEach
    void shutdown() {
        db.shutdown();
    }

    @Test
    void requestIsStoredAsPendingForTheScheduler() {
        CallbackRequest request = new CallbackRequest("1700000000.42", "+8613800138000", "order-status",
                Instant.parse("2026-11-23T02:00:00Z"));

        requests.request(request);

        assertThat(requests.pending()).containsExactly(request);
    }

    @Test
    void sameCallMayAskTwice() {
        requests.request(new CallbackRequest("c", "5551234", null, Instant.parse("2026-11-23T02:00:00Z")));
        requests.request(new CallbackRequest("c", "5559999", null, Instant.parse("2026-11-23T02:01:00Z")));

        assertThat(requests.pending()).extracting(CallbackRequest::number).containsExactly("5551234", "5559999");
    }

    @Test
    void aNumberThatIsNotDigitsIsRefusedBeforeItReachesTheTable() {
        assertThatThrownBy(() -> new CallbackRequest("c", "555; drop", null, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

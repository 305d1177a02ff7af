package org.callcentre.ivr.recordingpause;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.ivr.RecordingPause.Via;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** Pauses in the table the module's Flyway migration creates (run here on H2). */
class JdbcPauseLogTest {

    private static final Instant CONNECTED = Instant.parse("2026-01-05T10:00:00Z");
    private static final String CALL = "1700000000.42";

    private final EmbeddedDatabase db = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .setName("pauses-" + UUID.randomUUID())
            .addScript("db/migration/V1_1_3__recording_pause.sql").build();
    private final JdbcPauseLog log = new JdbcPauseLog(JdbcClient.create(db));

    @AfterEach
    void shutdown() {
        db.shutdown();
    }

    @Test
    void aResumedPauseIsStoredWithItsOffsetsAndWhoDidWhat() {
        PauseLedger ledger = new PauseLedger(CONNECTED);
        log.opened(CALL, CONNECTED, ledger.pause(CONNECTED.plusMillis(8_500), "agent1", Via.API).orElseThrow());
        assertThat(log.of(CALL)).as("an open pause is not a span yet").isEmpty();

        log.closed(CALL, ledger.resume(CONNECTED.plusSeconds(14), "supervisor", Via.API).orElseThrow());

        assertThat(log.of(CALL)).containsExactly(new RecordingPause(CONNECTED.plusMillis(8_500),
                CONNECTED.plusSeconds(14), 8.5, 14.0, "agent1", Via.API, "supervisor", Via.API));
    }

    @Test
    void aPauseLeftOpenClosesAtTheCallsEnd() {
        PauseLedger before = new PauseLedger(CONNECTED);
        log.opened(CALL, CONNECTED, before.pause(CONNECTED.plusSeconds(20), "agent1", Via.DTMF).orElseThrow());
        // the server restarted: the ledger is gone, the row is still open

        assertThat(log.closeOpen(CALL, CONNECTED.plusSeconds(31))).singleElement().satisfies(p -> {
            assertThat(p.toSecond()).isEqualTo(31.0);
            assertThat(p.resumedVia()).isEqualTo(Via.CALL_END);
            assertThat(p.resumedBy()).isNull();
        });
        assertThat(log.of("another-call")).isEmpty();
    }
}

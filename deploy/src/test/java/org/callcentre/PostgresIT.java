package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.callcentre.stack.RealStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The server on PostgreSQL, the database a site runs beside several server instances, instead of
 * the embedded H2: every module's migrations apply to it, a call's journey, recording job and
 * transcript are kept in it, a server killed with SIGKILL starts again on the same database, and
 * Quartz keeps its jobs there as one cluster: the restarted server takes over the killed one's
 * place and its configured schedule replaces the stored one.
 */
@ExtendWith(RealStack.class)
@Order(1) // a server of its own, before the Spring test contexts that hold the FastAGI port (junit-platform.properties)
class PostgresIT {

    @TempDir
    Path data;

    @Test
    void callsAndScheduledJobsAreKeptInPostgresqlAcrossAKilledServer() throws Exception {
        Map<String, String> db = RealStack.postgres();
        String index = "calls-postgres-" + UUID.randomUUID();
        Map<String, String> settings = new HashMap<>(db);
        settings.put("callcentre.data-dir", data.toString());
        settings.put("callcentre.recording.index.name", index);
        Path log = Files.createDirectories(Path.of("target", "postgres")).resolve(UUID.randomUUID() + ".log");
        Map<String, String> stack = RealStack.properties();
        URI es = URI.create(stack.get("callcentre.recording.index.url"));

        try (Connection c = DriverManager.getConnection(db.get("spring.datasource.url"),
                db.get("spring.datasource.username"), db.get("spring.datasource.password"))) {
            ServerProcess first = ServerProcess.start(stack, settings, log);
            String before;
            String firstScheduler;
            try {
                before = callIndexed(first, es, index, "I would like to return the kettle because the lid does not close");
                firstScheduler = text(c, "select instance_name from qrtz_scheduler_state");
            } finally {
                first.kill();
            }
            settings.put("callcentre.recording.retention.schedule", "0 15 4 * * ?"); // changed between the runs
            ServerProcess second = ServerProcess.start(stack, settings, log); // migrations already applied
            String after;
            try {
                after = callIndexed(second, es, index, "My parcel was left at the wrong address and nobody can find it");
                // the cluster: the surviving scheduler finds the killed one's check-in gone stale and takes it over
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        number(c, "select count(*) from qrtz_scheduler_state") == 1
                                && !text(c, "select instance_name from qrtz_scheduler_state").equals(firstScheduler));
            } finally {
                second.stop();
            }

            int migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql").length;
            assertThat(migrations).isGreaterThan(10);
            assertThat(number(c, "select count(*) from flyway_schema_history where success and version is not null"))
                    .as("the modules' SQL migrations and Quartz's tables").isEqualTo(migrations + 1);
            for (String call : new String[] {before, after}) {
                assertThat(text(c, "select outcome from call_journey where call_id = ?", call)).isEqualTo("ANSWERED");
                assertThat(number(c, "select count(*) from call_journey_step where call_id = ?", call)).isPositive();
                assertThat(text(c, "select stage from recording_job where call_id = ?", call)).isEqualTo("DONE");
                assertThat(text(c, "select utterances from transcript where call_id = ?", call))
                        .containsIgnoringCase("\"agent\"").containsIgnoringCase("\"customer\"");
            }
            assertThat(number(c, "select count(*) from event_publication where completion_date is null"))
                    .as("events published but never handled").isZero();
            assertThat(text(c, "select cron_expression from qrtz_cron_triggers where trigger_name = ?",
                    "recording-retention-purge")).as("the schedule as configured last").isEqualTo("0 15 4 * * ?");
        }
    }

    /** Places a call through Asterisk and waits until the pipeline has indexed it; returns its id. */
    private static String callIndexed(ServerProcess server, URI es, String index, String sentence) throws Exception {
        String callId = server.placeCall(sentence);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> IndexedCalls.count(es, index, callId) == 1);
        return callId;
    }

    private static long number(Connection c, String sql, String... args) throws SQLException {
        return Long.parseLong(text(c, sql, args));
    }

    private static String text(Connection c, String sql, String... args) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a row for " + sql).isTrue();
                return rs.getString(1);
            }
        }
    }
}

package org.callcentre.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class QuartzTablesTest {

    private final JdbcDataSource db = new JdbcDataSource();

    QuartzTablesTest() {
        db.setURL("jdbc:h2:mem:quartz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").outOfOrder(true)
                .javaMigrations(new QuartzTables()).load();
    }

    @Test
    void quartzTablesAreCreatedBesideTheModulesOwnAndMigratingAgainChangesNothing() {
        flyway().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("insert into qrtz_locks (sched_name, lock_name) values ('s', 'TRIGGER_ACCESS')").update();

        var again = flyway().migrate();

        assertThat(again.migrationsExecuted).isZero();
        assertThat(jdbc.sql("select count(*) from qrtz_locks").query(Long.class).single()).isEqualTo(1);
        for (String table : new String[] {"qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers",
            "qrtz_fired_triggers", "qrtz_scheduler_state", "call_journey", "recording_job"}) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isNotNull();
        }
    }

    @Test
    void aDatabaseOtherThanH2OrPostgresqlIsRefusedByName() {
        assertThat(QuartzDatabase.of("PostgreSQL").delegate()).endsWith("PostgreSQLDelegate");
        assertThat(QuartzDatabase.of("H2").script()).isEqualTo("tables_h2.sql");
        assertThatThrownBy(() -> QuartzDatabase.of("MySQL")).hasMessageContaining("H2 or PostgreSQL, not on MySQL");
    }
}

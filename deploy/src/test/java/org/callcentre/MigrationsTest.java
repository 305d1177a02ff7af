package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Every module's migrations together, as the assembled server runs them: each module numbers its
 * own, so this is where two modules claiming the same table or version would show.
 */
class MigrationsTest {

    @Test
    void allModulesMigrationsApplyTogetherOnAnEmptyDatabase() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration").outOfOrder(true)
                .load();

        var result = flyway.migrate();

        assertThat(result.success).isTrue();
        assertThat(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getScript))
                .contains("V1_1__call_journey.sql", "V1_2__recording_jobs.sql", "V1_2_5__recording_wrap_up.sql");
        assertThat(flyway.info().pending()).isEmpty();
    }
}

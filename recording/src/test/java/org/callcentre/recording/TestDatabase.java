package org.callcentre.recording;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** A fresh in-memory H2 database with the recording module's own migrations applied, in order. */
public final class TestDatabase {

    private static final String[] MIGRATIONS = {"V1_2__recording_jobs.sql", "V1_2_1__recording_purge.sql",
        "V1_2_2__redaction_log.sql", "V1_2_3__recording_job_pauses.sql", "V1_2_5__recording_wrap_up.sql",
        "V1_2_6__recording_job_ivr_part.sql"};

    private TestDatabase() {
    }

    public static JdbcClient create() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:recording-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(db);
        return JdbcClient.create(db);
    }

    private static void migrate(DataSource db) {
        try (Connection c = db.getConnection()) {
            for (String m : MIGRATIONS) {
                ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/" + m));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

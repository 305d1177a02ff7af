package org.callcentre.recording;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh in-memory H2 database migrated by Flyway as the server migrates its own: every migration
 * on the classpath (this module's and the ivr module's it builds on), so a new one needs no listing.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static JdbcClient create() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:recording-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // out of order, as application.yml: each module numbers its own migrations
        Flyway.configure().dataSource(db).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        return JdbcClient.create(db);
    }
}

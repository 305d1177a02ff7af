package org.callcentre.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Quartz's job store tables with the script Quartz ships for the database, so the schema is
 * always the one the library's version expects. Quartz's scripts end with a {@code COMMIT}, which
 * is left out: Flyway owns the transaction. Their {@code DROP TABLE IF EXISTS} lines find nothing
 * on a database this migration has not run on.
 */
final class QuartzTables implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1.0.1"); // deploy's migrations are 1.0.x (ivr 1.1.x, recording 1.2.x)
    }

    @Override
    public String getDescription() {
        return "quartz job store";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String script = script(QuartzDatabase.of(connection.getMetaData().getDatabaseProductName()).script());
        ScriptUtils.executeSqlScript(connection, new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8),
                "Quartz's tables"));
    }

    private static String script(String name) {
        try {
            String text = new ClassPathResource("org/quartz/impl/jdbcjobstore/" + name).getContentAsString(
                    StandardCharsets.UTF_8);
            return text.replaceAll("(?im)^\\s*commit\\s*;\\s*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Quartz's " + name + " is not on the classpath", e);
        }
    }
}

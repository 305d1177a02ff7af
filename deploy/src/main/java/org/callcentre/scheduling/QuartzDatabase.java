package org.callcentre.scheduling;

import java.util.Arrays;

/** The databases the server runs on, with what Quartz needs for each: its table script and delegate. */
enum QuartzDatabase {
    H2("H2", "tables_h2.sql", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate"),
    POSTGRESQL("PostgreSQL", "tables_postgres.sql", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");

    private final String productName;
    private final String script;
    private final String delegate;

    QuartzDatabase(String productName, String script, String delegate) {
        this.productName = productName;
        this.script = script;
        this.delegate = delegate;
    }

    /** By JDBC's database product name; any other database is refused, naming the ones supported. */
    static QuartzDatabase of(String productName) {
        return Arrays.stream(values()).filter(d -> d.productName.equalsIgnoreCase(productName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the server runs on H2 or PostgreSQL, not on "
                        + productName + " (spring.datasource.url)"));
    }

    String script() {
        return script;
    }

    String delegate() {
        return delegate;
    }
}

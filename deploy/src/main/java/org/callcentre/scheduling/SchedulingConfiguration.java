package org.callcentre.scheduling;

import java.sql.DatabaseMetaData;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Quartz's job store in the server's database (application.yml: {@code spring.quartz.job-store-type=jdbc},
 * clustered): its tables come from a Flyway migration, and its driver delegate is picked for the
 * database, because PostgreSQL needs its own (job data is {@code bytea}, not a blob).
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    JavaMigration quartzTables() {
        return new QuartzTables();
    }

    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForTheDatabase(QuartzProperties quartz, DataSource dataSource) {
        return scheduler -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.setProperty("org.quartz.jobStore.driverDelegateClass", database(dataSource).delegate());
            scheduler.setQuartzProperties(properties);
        };
    }

    private static QuartzDatabase database(DataSource dataSource) {
        try {
            return QuartzDatabase.of(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database spring.datasource.url is", e);
        }
    }
}

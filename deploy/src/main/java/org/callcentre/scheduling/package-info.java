/**
 * Quartz in the database: the job store's tables (a Flyway migration from Quartz's own script for the
 * database in use) and the driver delegate for that database, so that server instances sharing one
 * PostgreSQL form one Quartz cluster and a scheduled job outlives a killed server.
 */
package org.callcentre.scheduling;

/**
 * Test support shared by the modules' test suites: {@link dev.strata.testkit.PostgresServer} finds
 * the PostgreSQL server the tests apply rendered scripts to, with the real {@code psql}.
 */
package dev.strata.testkit;

/**
 * Test support shared by the modules' test suites: {@link dev.strata.testkit.TestDatabase}, one
 * fresh database per test in any dialect, on the {@link dev.strata.testkit.PostgresServer}, the
 * {@link dev.strata.testkit.MariaDbServer} or in an {@link dev.strata.testkit.SqliteDatabase}
 * file, with scripts applied by the real clients ({@code psql}, {@code mariadb}, {@code sqlite3}).
 */
package dev.strata.testkit;

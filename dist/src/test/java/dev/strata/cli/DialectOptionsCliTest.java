package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.dialects.Dialect;
import dev.strata.dialects.TransactionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dialect} on every command that renders, and the transaction mode per dialect ({@link
 * DialectOptions}): one that the dialect cannot honour is a usage error (exit 2) naming the option,
 * the dialect and why, before anything is compiled or written.
 */
class DialectOptionsCliTest {
  @TempDir Path tmp;

  private static final String VERSIONS = Cli.sampleVersions().toString();

  @Test
  void theOptionDescriptionsListEveryDialect() {
    List<String> ids = Arrays.stream(Dialect.values()).map(Dialect::id).toList();
    String listed = String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast();
    assertEquals(listed, CompileOptions.DIALECTS);
    for (String command : List.of("upgrade", "downgrade", "bundle", "schema", "show", "check")) {
      Cli help = Cli.run(command, "--help");
      assertEquals(0, help.exitCode(), command);
      assertTrue(help.out().replaceAll("\\s+", " ").contains("postgresql, mysql, mariadb or sqlite"),
          command + ": " + help.out());
    }
  }

  @Test
  void theDefaultTransactionModeFollowsTransactionalDdl() {
    assertEquals(TransactionMode.BUNDLE, DialectOptions.defaultMode(Dialect.POSTGRESQL));
    assertEquals(TransactionMode.BUNDLE, DialectOptions.defaultMode(Dialect.SQLITE));
    assertEquals(TransactionMode.NONE, DialectOptions.defaultMode(Dialect.MYSQL));
    assertEquals(TransactionMode.NONE, DialectOptions.defaultMode(Dialect.MARIADB));
  }

  @Test
  void aTransactionWhereDdlCommitsOnItsOwnIsAUsageError() {
    Cli cli = Cli.run("upgrade", "head", "--versions", VERSIONS, "--dialect", "mariadb",
        "--transaction", "bundle");
    assertEquals(2, cli.exitCode(), cli.err());
    assertEquals("strata: error: --transaction bundle does not apply to mariadb: mariadb commits"
        + " each DDL statement on its own (even one that fails), so no transaction can hold a"
        + " revision; leave --transaction out (mariadb scripts run with none: each revision"
        + " records its version-table row once its statements have run)\n"
        + "Try 'strata upgrade --help' for more information.\n", cli.err());
    assertEquals("", cli.out());
    Cli revision = Cli.run("downgrade", "head:base", "--versions", VERSIONS, "--dialect", "mysql",
        "--transaction", "revision");
    assertEquals(2, revision.exitCode(), revision.err());
    assertTrue(revision.err().startsWith("strata: error: --transaction revision does not apply to"
        + " mysql: mysql commits each DDL statement on its own, so"), revision.err());
  }

  @Test
  void bundleRefusesThemBeforeWritingAnything() {
    Path out = tmp.resolve("b.tar.gz");
    Cli cli = Cli.run("bundle", "base:head", "--versions", VERSIONS, "-o", out.toString(),
        "--dialect", "mysql", "--transaction", "bundle");
    assertEquals(2, cli.exitCode(), cli.err());
    assertTrue(cli.err().startsWith("strata: error: --transaction bundle does not apply to mysql"),
        cli.err());
    assertTrue(Files.notExists(out));
  }

  @Test
  void theSameOptionsStayValidForPostgresql() {
    Cli cli = Cli.run("upgrade", "head", "--versions", VERSIONS, "--transaction", "revision",
        "--lock-timeout", "5s", "--statement-timeout", "15min", "--lock-wait", "30s",
        "--version-table-schema", "ops");
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("SET lock_timeout = '5s';"), cli.out());
  }
}

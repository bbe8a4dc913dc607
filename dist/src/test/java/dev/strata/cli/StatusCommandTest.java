package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** {@code strata status} and {@code --from-db} refusals that need no database. */
class StatusCommandTest {

  @Test
  void aServerThatDoesNotAnswerIsADiagnosticWithoutThePassword() {
    Cli cli = Cli.run("status", "--db",
        "jdbc:postgresql://127.0.0.1:1/ledger?user=app&password=s3cr3t-pw&connectTimeout=2",
        "--versions", Cli.sampleVersions().toString());
    assertEquals(new Cli(1, "", "strata: error[E0530]: cannot connect to"
        + " jdbc:postgresql://127.0.0.1:1/ledger?user=app&password=***&connectTimeout=2:"
        + " Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and"
        + " that the postmaster is accepting TCP/IP connections.\n"
        + "  = help: check the host, port, database, user and password in the URL\n"), cli);
  }

  @Test
  void aUrlThatIsNotJdbcIsAUsageErrorWithoutThePassword() {
    Cli cli = Cli.run("status", "--db", "http://app:s3cr3t-pw@db/ledger");
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--db' (URL): 'http://app:***@db/ledger' is not a database strata reads: expected %s
        Try 'strata status --help' for more information.
        """.formatted(JdbcUrl.FORMS)), cli);
    assertFalse(cli.err().contains("s3cr3t"));
  }

  @Test
  void fromDbWithAFromIsAUsageError() {
    String url = "jdbc:postgresql://127.0.0.1:1/ledger?password=s3cr3t-pw";
    assertEquals(new Cli(2, "", """
        strata: error: --from-db gives FROM: the range is then just TO, not '0012:head'
        Try 'strata upgrade --help' for more information.
        """), Cli.run("upgrade", "--from-db", url, "0012:head", "--versions",
            Cli.sampleVersions().toString()));
    assertEquals(new Cli(2, "", """
        strata: error: --from-db gives FROM: the range is then just TO, not 'base:head'
        Try 'strata bundle --help' for more information.
        """), Cli.run("bundle", "--from-db", url, "base:head", "-o", "unused.tar.gz",
            "--versions", Cli.sampleVersions().toString()));
  }

  @Test
  void statusNeedsTheDatabase() {
    assertEquals(new Cli(2, "", """
        strata: error: Missing required option: '--db=URL'
        Try 'strata status --help' for more information.
        """), Cli.run("status"));
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--format': unknown format 'yaml' (known: text, json)
        Try 'strata status --help' for more information.
        """), Cli.run("status", "--db", "jdbc:postgresql://db/x", "--format", "yaml"));
  }

  @Test
  void badVersionTableNameIsAUsageError() {
    assertEquals(new Cli(2, "", """
        strata: error: bad version table name: ''
        Try 'strata status --help' for more information.
        """), Cli.run("status", "--db", "jdbc:postgresql://db/x", "--version-table", ""));
  }
}

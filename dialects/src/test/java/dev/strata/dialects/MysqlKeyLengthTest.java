package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key longer than InnoDB's 3,072 bytes ({@link MysqlTypes#MAX_KEY_BYTES}) stopped the script at
 * error 1071 on the server, after MySQL had committed the statements before it: refused when the
 * script is made (E0441). MariaDB takes a longer unique key (as a hash) and a longer index of one
 * column (as a prefix), which are rendered and run; a key of exactly 3,072 bytes is taken by both.
 */
class MysqlKeyLengthTest {
  private static String revision(String upgrade) {
    return "-- revision: 0001_k\n-- revises: base\n-- +upgrade\n"
        + "CREATE TABLE u (id BIGINT PRIMARY KEY, email VARCHAR(1000), name VARCHAR(767),"
        + " org VARCHAR(600), n INTEGER, b BIGINT);\n" + upgrade + "\n-- +downgrade\nDROP TABLE u;\n";
  }

  @TempDir Path dir;
  private int chains;

  private MysqlChain chain(Dialect dialect, String upgrade) throws Exception {
    return new MysqlChain(dir.resolve("c" + chains++), dialect, revision(upgrade));
  }

  @Test
  void aKeyLongerThanInnodbTakesIsRefusedForBoth() throws Exception {
    for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.MARIADB)) {
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain(dialect,
          "CREATE INDEX u_name_b ON u (name, b);").upgrade("base:head", GoldenCases.OPTIONS));
      String text = e.diagnostics().getFirst().format();
      assertTrue(text.contains("error[E0441]: CREATE INDEX u_name_b cannot be rendered for "
          + dialect.id() + ": its key is 3076 bytes (name 3068 + b 8), and InnoDB's keys hold at"
          + " most 3072"), text);
      assertTrue(text.contains("  = help: declare the text"
          + " columns shorter (VARCHAR(768) at most for a key of one column), or write the index"
          + " with key prefixes (v(191)) in a '-- +dialect " + dialect.id() + "' block"), text);
    }
    DiagnosticException primary = assertThrows(DiagnosticException.class, () -> chain(
        Dialect.MARIADB, "ALTER TABLE u ADD CONSTRAINT u_pair UNIQUE (name, org);"
            + "\nCREATE TABLE p (email VARCHAR(1000) PRIMARY KEY);")
        .upgrade("base:head", GoldenCases.OPTIONS));
    assertTrue(primary.diagnostics().getFirst().format().contains("PRIMARY KEY of table p cannot"
        + " be rendered for mariadb: its key is 4000 bytes (email 4000)"),
        primary.diagnostics().getFirst().format());
    DiagnosticException unique = assertThrows(DiagnosticException.class, () -> chain(
        Dialect.MYSQL, "CREATE UNIQUE INDEX u_email ON u (email);")
        .upgrade("base:head", GoldenCases.OPTIONS));
    assertTrue(unique.diagnostics().getFirst().format().contains("its key is 4000 bytes"));
  }

  /** What strata refuses, written by hand, is what the server refuses. */
  @Test
  void theServerRefusesWhatStrataRefuses() throws Exception {
    try (TestDatabase database = TestDatabase.create("mariadb", "key_length")) {
      Path script = Files.writeString(dir.resolve("long.sql"), "CREATE TABLE u (name"
          + " VARCHAR(767), b BIGINT);\nCREATE INDEX u_name_b ON u (name, b);\n");
      ClientRun run = database.apply(script);
      assertEquals(1, run.exitCode(), run.describe());
      assertEquals(List.of("ERROR 1071 (42000): Specified key was too long; max key length is 3072"
          + " bytes"), MysqlChain.errors(run));
    }
  }

  @Test
  void mariadbTakesALongUniqueKeyAndALongIndexOfOneColumnAndBothTakeAFullKey() throws Exception {
    String upgrade = """
        CREATE UNIQUE INDEX u_email ON u (email);
        ALTER TABLE u ADD CONSTRAINT u_pair UNIQUE (name, org);
        CREATE INDEX u_email_prefix ON u (email);
        CREATE INDEX u_full ON u (name, n);
        INSERT INTO u (id, email, name, org, n) VALUES (1, 'a@b', 'a', 'o', 1);
        """;
    MysqlChain chain = chain(Dialect.MARIADB, upgrade);
    try (TestDatabase database = TestDatabase.create("mariadb", "key_length_taken")) {
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      // the hash keeps the key unique over the whole value
      assertEquals(List.of("1"), database.query("SELECT count(*) FROM u WHERE email = 'a@b'"));
      ClientRun twice = database.apply(MysqlChain.sql(dir, "INSERT INTO u (id, email) VALUES"
          + " (2, 'a@b');"));
      assertTrue(MysqlChain.errors(twice).getFirst().startsWith("ERROR 1062 (23000): Duplicate"
          + " entry 'a@b'"), twice.describe());
      MysqlChain.apply(database, chain.downgrade("head:base", GoldenCases.OPTIONS));
    }
    // MySQL takes a key of exactly 3072 bytes too
    chain(Dialect.MYSQL, "CREATE INDEX u_full ON u (name, n);").upgrade("base:head",
        GoldenCases.OPTIONS);
  }
}

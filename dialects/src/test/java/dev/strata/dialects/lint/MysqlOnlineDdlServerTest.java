package dev.strata.dialects.lint;

import static dev.strata.dialects.lint.DialectLintFixture.BASE;
import static dev.strata.dialects.lint.DialectLintFixture.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.StatementSql;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.MariaDbServer;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MySQL/MariaDB rules' claims, checked against the real MariaDB server: where
 * {@code mysql-alter-without-algorithm} says a statement can run with a clause, its alternative
 * (the rendered statement with the clause) runs; where {@code mysql-table-copy} says an action
 * copies the table, the rendered statement with {@code ALGORITHM=INPLACE, LOCK=NONE} is refused.
 */
class MysqlOnlineDdlServerTest {
  @TempDir Path tmp;

  private static final String TABLES = """
      CREATE TABLE payments (id BIGINT PRIMARY KEY, code VARCHAR(20) NOT NULL, amount INT,
          note TEXT, CONSTRAINT amount_positive CHECK (amount > 0));
      CREATE TABLE refunds (id BIGINT NOT NULL, payment_id BIGINT,
          CONSTRAINT refunds_pkey PRIMARY KEY (id));
      CREATE INDEX ix_payments_code ON payments (code);
      CREATE SEQUENCE payment_numbers;
      INSERT INTO payments VALUES (1, 'abc', 5, 'x');
      INSERT INTO refunds VALUES (1, 1);
      """;

  @ParameterizedTest
  @ValueSource(strings = {
      "ALTER TABLE payments ADD COLUMN paid_at TIMESTAMPTZ;",
      "ALTER TABLE payments ALTER COLUMN amount SET NOT NULL;",
      "ALTER TABLE payments ALTER COLUMN code DROP NOT NULL;",
      "ALTER TABLE payments ALTER COLUMN amount SET DEFAULT 1;",
      "ALTER TABLE payments RENAME COLUMN note TO memo;",
      "ALTER TABLE payments ALTER COLUMN code TYPE VARCHAR(40);",
      "ALTER TABLE payments ADD CONSTRAINT payments_code_uq UNIQUE (code);",
      "ALTER TABLE payments DROP CONSTRAINT amount_positive;",
      "ALTER TABLE payments DROP COLUMN note;",
      "CREATE INDEX ix_payments_amount ON payments (amount);",
      "DROP INDEX ix_payments_code;",
      "ALTER TABLE payments ALTER COLUMN amount TYPE BIGINT;",
      "ALTER TABLE refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (payment_id)"
          + " REFERENCES payments (id);",
      "ALTER TABLE payments ADD CONSTRAINT code_long CHECK (length(code) > 2);",
      "ALTER TABLE refunds DROP CONSTRAINT refunds_pkey;",
      "CREATE SEQUENCE payment_numbers;\nALTER TABLE payments ADD COLUMN n BIGINT NOT NULL"
          + " DEFAULT nextval('payment_numbers');",
  })
  void theServerAgrees(String upgrade) throws Exception {
    MariaDbServer server = MariaDbServer.require();
    Path dir = Files.createDirectories(tmp.resolve("versions"));
    List<Finding> found = DialectLintFixture.lint(dir, DialectId.MARIADB,
        List.of(MysqlAlterRules.TABLE_COPY, MysqlAlterRules.WITHOUT_ALGORITHM), List.of(), BASE,
        change(upgrade));
    assertEquals(1, found.size(), found.toString());
    Finding finding = found.getFirst();
    try (TestDatabase db = server.database("mariadb", "l4_online")) {
      for (String sql : TABLES.split(";\n")) {
        if (!sql.isBlank()) {
          db.execute(sql);
        }
      }
      if (finding.rule() == Rule.MYSQL_ALTER_WITHOUT_ALGORITHM) {
        Path script = Files.writeString(tmp.resolve("alternative.sql"),
            finding.alternative().orElseThrow() + "\n");
        ClientRun run = db.apply(script);
        assertTrue(run.ok(), run.describe());
        return;
      }
      assertEquals(Rule.MYSQL_TABLE_COPY, finding.rule());
      for (String sql : rendered(dir)) {
        if (sql.startsWith("ALTER TABLE")) {
          // a volatile default is rendered with ALGORITHM = COPY: ask for in place instead
          String inPlace = sql.replace(", ALGORITHM = COPY", "") + ", ALGORITHM=INPLACE, LOCK=NONE";
          IllegalStateException refused = assertThrows(IllegalStateException.class,
              () -> db.execute(inPlace));
          assertTrue(refused.getMessage().contains("ALGORITHM=INPLACE is not supported")
              || refused.getMessage().contains("ALGORITHM=COPY"), refused.getMessage());
        }
      }
      if (finding.alternative().orElseThrow().startsWith("SET SESSION foreign_key_checks")) {
        Path script = Files.writeString(tmp.resolve("alternative.sql"),
            finding.alternative().get() + "\n");
        ClientRun run = db.apply(script);
        assertTrue(run.ok(), run.describe());
      }
    }
  }

  /** The change's upgrade statement as the mariadb script renders it. */
  private static List<String> rendered(Path dir) throws Exception {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(dir));
    RevisionFile file = graph.revisions().stream().filter(r -> r.id().equals("0002_change"))
        .findFirst().orElseThrow();
    List<SchemaModel> models = Replay.of(graph, DialectId.MARIADB).during(file.id());
    int last = file.upgrade().statements().size() - 1;
    return StatementSql.forDialect(Dialect.MARIADB).render(file.upgrade().statements().get(last),
        file.source(), models.get(last), models.get(last + 1));
  }
}

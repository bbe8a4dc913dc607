package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL-only statements: rendered as written for PostgreSQL, refused with E0407 for a dialect
 * that does not run them (checked through {@link StatementRenderer#asWritten}'s seam, as {@link
 * Dialect} has PostgreSQL only), and placed outside the transaction when PostgreSQL requires it.
 */
class PostgresOnlyTest {
  private static final SourceFile SOURCE = new SourceFile("versions/0001_pg.sql", """
      -- revision: 0001_pg
      -- revises: base
      -- message: PostgreSQL-only statements

      -- +upgrade
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
      DO $$ BEGIN COMMIT; END $$;
      DO $$ BEGIN RAISE NOTICE 'COMMIT;'; END $$;
      GRANT SELECT ON t TO PUBLIC;
      VACUUM t;
      REINDEX TABLE CONCURRENTLY t;
      REINDEX TABLE t;
      ANALYZE t;
      CREATE POLICY p ON t USING (true);

      -- +downgrade
      -- +irreversible
      """);

  private static List<Statement> statements() throws DiagnosticException {
    return new RevisionFileParser().parse(SOURCE).upgrade().statements();
  }

  @Test
  void anotherDialectRefusesEachWithE0407NamingTheStatement() throws DiagnosticException {
    List<String> kinds = List.of("CREATE FUNCTION", "CREATE TRIGGER", "DO", "DO", "GRANT",
        "VACUUM", "REINDEX", "REINDEX", "ANALYZE", "CREATE POLICY");
    List<Statement> statements = statements();
    assertEquals(kinds.size(), statements.size());
    StatementRenderer mysql =
        new StatementRenderer(Dialect.MYSQL, SqlContext.forDialect(Dialect.MYSQL));
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      DiagnosticException error = assertThrows(DiagnosticException.class,
          () -> mysql.render(statement, SOURCE, dev.strata.compiler.schema.SchemaModel.empty()));
      Diagnostic diagnostic = error.diagnostics().getFirst();
      assertEquals("E0407", diagnostic.code());
      assertEquals(kinds.get(i) + " is a PostgreSQL-only statement, with no meaning in mysql",
          diagnostic.message());
      assertEquals(statement.span(), diagnostic.location().orElseThrow().span());
      assertTrue(diagnostic.notes().getFirst().contains("'-- +dialect mysql'"),
          diagnostic.notes().toString());
    }
  }

  @Test
  void postgresqlRendersEachAsWritten() throws DiagnosticException {
    StatementRenderer renderer =
        new StatementRenderer(Dialect.POSTGRESQL, SqlContext.forDialect(Dialect.POSTGRESQL));
    for (Statement statement : statements()) {
      assertEquals(List.of(statement.text()), renderer.render(statement, SOURCE, dev.strata.compiler.schema.SchemaModel.empty()));
    }
  }

  @Test
  void statementsPostgresqlRefusesInATransactionRunOutsideOne() throws DiagnosticException {
    assertEquals(
        List.of(false, false, true, false, false, true, true, false, false, false),
        statements().stream().map(Statement::outsideTransaction).toList());
  }
}

package dev.strata.alembic.translate;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.List;
import java.util.Optional;

/**
 * What strata's own parser ({@link RevisionFileParser}, module grammar) says about a piece of SQL:
 * whether a statement is in the revision-file language, whether a text names a type of it. The
 * translator asks before it writes SQL that did not come from its own renderers.
 */
final class StrataSql {
  private static final RevisionFileParser PARSER = new RevisionFileParser();
  private static final String HEADER = "-- revision: probe\n-- revises: base\n\n-- +upgrade\n";

  private StrataSql() {}

  /**
   * The statements of {@code sql} as strata parses them (without their {@code ;}), or empty when
   * strata's parser refuses it or when it holds a {@code -- +} directive line.
   */
  static Optional<List<Statement>> statements(String sql) {
    for (String line : sql.split("\n", -1)) {
      if (line.strip().startsWith("-- +")) {
        return Optional.empty();
      }
    }
    String body = sql.strip();
    if (body.isEmpty()) {
      return Optional.empty();
    }
    if (!body.endsWith(";")) {
      body = body + ";";
    }
    try {
      Section upgrade = PARSER.parse(new SourceFile("probe.sql", HEADER + body + "\n")).upgrade();
      return Optional.of(upgrade.statements());
    } catch (DiagnosticException | RuntimeException refused) {
      return Optional.empty();
    }
  }

  /**
   * The message of strata's parser when {@code type} is not a column type of the language
   * (parsed as the type of a column of {@code CREATE TABLE}), else empty.
   */
  static Optional<String> typeProblem(String type) {
    if (type.isBlank() || type.contains(";") || type.contains("--") || type.contains("/*")
        || type.contains("\n") || type.contains("\r") || type.contains(",")) {
      return Optional.of("'" + type + "' is not one type");
    }
    try {
      Section upgrade = PARSER.parse(new SourceFile("probe.sql",
          HEADER + "CREATE TABLE probe (probe " + type + ");\n")).upgrade();
      if (upgrade.statements().size() != 1) {
        return Optional.of("'" + type + "' is not one type");
      }
      return Optional.empty();
    } catch (DiagnosticException refused) {
      return Optional.of(refused.diagnostics().get(0).message());
    }
  }
}

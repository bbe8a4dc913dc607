package dev.strata.alembic.translate;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Operation;
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
    return Optional.ofNullable(parse(sql).statements());
  }

  /**
   * What strata's parser says of {@code sql}: its statements, or the message of its refusal
   * (a {@code -- +} directive line inside, which strata would read as a directive, is refused).
   */
  static Parsed parse(String sql) {
    for (String line : sql.split("\n", -1)) {
      if (line.strip().startsWith("-- +")) {
        return new Parsed(null, "a line starts with '-- +', which strata reads as a directive");
      }
    }
    String body = sql.strip();
    if (body.isEmpty()) {
      return new Parsed(null, "no statement");
    }
    if (!body.endsWith(";")) {
      body = body + ";";
    }
    try {
      Section upgrade = PARSER.parse(new SourceFile("probe.sql", HEADER + body + "\n")).upgrade();
      return new Parsed(upgrade.statements(), null);
    } catch (DiagnosticException refused) {
      return new Parsed(null, refused.diagnostics().get(0).message());
    } catch (RuntimeException broken) {
      return new Parsed(null, String.valueOf(broken.getMessage()));
    }
  }

  /**
   * Why strata's parser refuses {@code block} (a whole {@code -- +dialect} ... {@code -- +end}
   * block) in a section, or null when it accepts it.
   */
  static String blockProblem(String block) {
    try {
      PARSER.parse(new SourceFile("probe.sql", HEADER + block + "\n"));
      return null;
    } catch (DiagnosticException refused) {
      return refused.diagnostics().get(0).message();
    } catch (RuntimeException broken) {
      return String.valueOf(broken.getMessage());
    }
  }

  /** {@link #parse}'s answer: {@code statements} when parsed, else {@code problem}. */
  record Parsed(List<Statement> statements, String problem) {}

  /**
   * The message of strata's parser when {@code type} is not a column type of the language
   * (parsed as the type of a column of {@code CREATE TABLE}), else empty.
   */
  static Optional<String> typeProblem(String type) {
    if (type.isBlank() || type.contains(";") || type.contains("--") || type.contains("/*")
        || type.contains("\n") || type.contains("\r")) {
      return Optional.of("'" + type + "' is not one type");
    }
    try {
      Section upgrade = PARSER.parse(new SourceFile("probe.sql",
          HEADER + "CREATE TABLE probe (probe " + type + ");\n")).upgrade();
      if (upgrade.statements().size() == 1
          && upgrade.statements().get(0).operation() instanceof Operation.CreateTable table
          && table.columns().size() == 1 && table.constraints().isEmpty()
          && table.columns().get(0).constraints().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of("'" + type + "' is not one type");
    } catch (DiagnosticException refused) {
      return Optional.of(refused.diagnostics().get(0).message());
    }
  }
}

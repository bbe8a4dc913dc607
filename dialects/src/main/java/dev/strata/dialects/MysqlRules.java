package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules the MySQL and MariaDB statement renderers share: the refusals (E0440-E0449, each
 * naming the statement and the dialect, with a help line), schema-qualified names, and what becomes
 * of an {@code IF [NOT] EXISTS} the dialect lacks.
 *
 * <p>An {@code IF [NOT] EXISTS} the dialect has is written as the revision wrote it. One it lacks
 * (MySQL has none inside {@code ALTER TABLE} and none on {@code CREATE}/{@code DROP INDEX}) is
 * decided by the schema model before the statement, which the script's guard has made the
 * database's: when the model proves the condition holds, the clause changes nothing and is left
 * out ({@link Clause#OMIT}); when it proves the statement would be skipped, nothing is written
 * ({@link Clause#SKIP}); when the model may be missing changes ({@link SchemaModel#blind()}, after
 * a {@code -- +dialect} block it could not follow), the statement is refused (E0442), since
 * dropping the clause could change what it does.
 */
final class MysqlRules {
  private final Dialect dialect;

  MysqlRules(Dialect dialect) {
    this.dialect = dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  /** What a written {@code IF [NOT] EXISTS} becomes. */
  enum Clause {
    /** written as the revision wrote it: the dialect has it */
    KEEP,
    /** left out: the model proves the condition holds, so the statement runs either way */
    OMIT,
    /** nothing is written: the model proves the statement would be skipped */
    SKIP
  }

  /**
   * The fate of an {@code IF [NOT] EXISTS} clause (see the class documentation).
   *
   * @param supported the dialect has the clause here
   * @param runs whether, by the model, the statement would run (for {@code IF EXISTS}: the object
   *     exists; for {@code IF NOT EXISTS}: it does not)
   * @param what the statement and clause, for the message, e.g. {@code DROP INDEX IF EXISTS}
   * @throws DiagnosticException E0442 when the dialect lacks the clause and the model is blind
   */
  Clause clause(boolean supported, boolean runs, SchemaModel before, String what, Site site)
      throws DiagnosticException {
    return supported ? Clause.KEEP : decide(false, runs, before, what, site);
  }

  /**
   * The fate of an {@code IF [NOT] EXISTS} clause that the model decides even where the dialect
   * has it ({@code supported}), because the statement is written from the model (the table of
   * an {@code ALTER TABLE}, the dependents of a dropped column, the table of an index): never
   * {@link Clause#KEEP}.
   *
   * @throws DiagnosticException E0442 when the model is blind
   */
  Clause decide(boolean supported, boolean runs, SchemaModel before, String what, Site site)
      throws DiagnosticException {
    if (before.blind()) {
      throw site.error("E0442", what + " cannot be rendered for " + dialect.id() + ": "
              + (supported ? "strata writes it from the schema model, which"
                  : dialect.id() + " has no such clause, and")
              + " after a '-- +dialect' block the schema model cannot tell whether the statement"
              + " would run",
          "note: strata leaves the clause out, or the statement, only where the schema model"
              + " proves that changes nothing",
          "help: write the statement without the clause, or in a '-- +dialect " + dialect.id()
              + "' block");
    }
    return runs ? Clause.OMIT : Clause.SKIP;
  }

  /**
   * A refusal at the statement: {@code <what> cannot be rendered for <dialect>: <why>}, with the
   * notes and a help line that offers a {@code -- +dialect} block.
   */
  DiagnosticException refuse(Site site, String code, String what, String why, String... notes) {
    List<String> lines = new ArrayList<>(List.of(notes));
    if (lines.stream().noneMatch(l -> l.startsWith("help:"))) {
      lines.add("help: write what it should do in " + dialect.id() + " between '-- +dialect "
          + dialect.id() + "' and '-- +end' lines");
    }
    return site.error(code, what + " cannot be rendered for " + dialect.id() + ": " + why,
        lines.toArray(String[]::new));
  }

  /**
   * @throws DiagnosticException E0440 for a schema-qualified name: MySQL and MariaDB have no
   *     schemas inside a database (a qualified name names another database)
   */
  void unqualified(QualifiedName name, Site site) throws DiagnosticException {
    if (name.schema().isPresent()) {
      throw refuse(site, "E0440", "the schema-qualified name " + display(name),
          dialect.id() + " has no schemas inside a database ('" + name.schema().get().value()
              + ".' would name another database)",
          "help: write the name without its schema; a script runs in the database the "
              + dialect.client() + " command line names");
    }
  }

  /** Every name of {@code names} unqualified. */
  void unqualified(List<QualifiedName> names, Site site) throws DiagnosticException {
    for (QualifiedName name : names) {
      unqualified(name, site);
    }
  }

  /**
   * {@code statement}, which restates a column from the schema model, behind a comment line when
   * the model may be missing what {@code -- +dialect} blocks did to it ({@link
   * SchemaModel#blind()}): the line names the blocks, so that a DBA who reads the script checks
   * the restated definition against them.
   */
  static String restated(String statement, SchemaModel model) {
    if (!model.blind()) {
      return statement;
    }
    return "-- strata: restated from the schema model, which cannot see what the '-- +dialect'"
        + " block" + (model.handEdits().size() == 1 ? " at " : "s at ")
        + String.join(", ", model.handEdits().stream().map(e -> e.origin().describe()).toList())
        + " did\n" + statement;
  }

  /** The name as written: {@code ops.t}. */
  static String display(QualifiedName name) {
    return name.schema().map(s -> written(s) + ".").orElse("") + written(name.name());
  }

  /** An identifier as written: in double quotes when it was quoted. */
  static String written(dev.strata.grammar.ast.Identifier identifier) {
    return identifier.quoted()
        ? '"' + identifier.value().replace("\"", "\"\"") + '"'
        : identifier.value();
  }
}

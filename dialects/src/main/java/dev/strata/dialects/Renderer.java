package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders a {@link Plan} as one SQL script for one {@link Dialect}: for PostgreSQL, a file to run
 * with {@code psql -f}. The output is a pure function of the plan, the options and the dialect:
 * byte for byte the same on every run, LF line endings, ending with a single {@code \n}.
 *
 * <p>Script shape (matching Alembic's offline output where a user would notice, §1.5-1.7 of the
 * Alembic notes): the {@link ScriptHeader header}; the version table's {@code CREATE TABLE IF NOT
 * EXISTS} when the plan starts from base; then per step the banner {@code -- Running upgrade A ->
 * B, message}, its statements and its version-table changes. Every statement ends with {@code ;}
 * and a blank line. Transactions are placed by {@link TransactionFramer} following
 * {@link ScriptOptions#transactionMode()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Renderer {
  static {
    // jOOQ prints a logo and a "tip of the day" when its first DSLContext is made; a compiler
    // whose stdout is a script must stay silent. Set before any jOOQ class that prints is loaded.
    quietJooq("org.jooq.no-logo");
    quietJooq("org.jooq.no-tips");
  }

  private final Dialect dialect;
  private final SqlContext sql;
  private final StatementRenderer statements;

  private Renderer(Dialect dialect) {
    this.dialect = dialect;
    this.sql = SqlContext.forDialect(dialect);
    this.statements = new StatementRenderer(dialect, sql);
  }

  /** A renderer for {@code dialect}. */
  public static Renderer forDialect(Dialect dialect) {
    return new Renderer(Objects.requireNonNull(dialect, "dialect"));
  }

  /** The dialect this renderer writes. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * The whole script for {@code plan} and its segments. (Placeholder for the segment list: it
   * reports the script as one segment until segments are implemented.)
   *
   * @throws DiagnosticException as {@link #render}
   */
  public RenderedScript renderScript(Plan plan, ScriptOptions options) throws DiagnosticException {
    String text = render(plan, options);
    return new RenderedScript(text, List.of(new RenderedScript.Segment(1, true,
        plan.steps().stream().map(Step::id).toList(), List.of(), plan.toHeads())));
  }

  /**
   * The whole script for {@code plan}.
   *
   * @throws DiagnosticException with every statement that cannot be rendered for this dialect
   *     (E04xx, see the package documentation), in step and statement order
   */
  public String render(Plan plan, ScriptOptions options) throws DiagnosticException {
    VersionTable versionTable = new VersionTable(sql, options);
    List<ScriptElement> elements = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    if (plan.startsFromBase()) {
      elements.add(new ScriptElement.Sql(versionTable.create(), false));
    }
    for (Step step : plan.steps()) {
      elements.add(new ScriptElement.Comment(banner(step)));
      for (Statement statement : step.body().statements()) {
        try {
          elements.addAll(elements(statement, step.revision().source()));
        } catch (DiagnosticException e) {
          problems.addAll(e.diagnostics());
        }
      }
      for (VersionTableOp op : step.versionTableOps()) {
        elements.add(new ScriptElement.Sql(versionTable.render(op), false));
      }
      elements.add(new ScriptElement.StepEnd());
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    String header = ScriptHeader.render(plan, options, dialect, versionTable.displayName());
    List<String> blocks = TransactionFramer.frame(elements, dialect, options.transactionMode());
    return blocks.isEmpty() ? header : header + "\n" + String.join("\n\n", blocks) + "\n";
  }

  /**
   * The SQL statements that perform {@code statement} in this dialect, in order, each without its
   * terminating {@code ;} and without transaction control: usually one; several for a multi-action
   * {@code ALTER TABLE} (one per action) or a {@code GENERATED ALWAYS} identity column; none for a
   * {@code -- +dialect} block of another dialect. Statements may span several lines (LF).
   *
   * @param source the revision file the statement comes from, for diagnostics
   * @throws DiagnosticException (E04xx) when the statement cannot be rendered for this dialect
   */
  public List<String> renderStatement(Statement statement, SourceFile source)
      throws DiagnosticException {
    return statements.render(statement, source);
  }

  /**
   * Alembic's step banner: {@code -- Running upgrade A, B -> C, message}; an empty side prints as
   * nothing (so {@code -- Running upgrade  -> C} from base), {@code , message} only when there is
   * one.
   */
  static String banner(Step step) {
    String message = step.message().replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    return "-- Running "
        + step.direction().word()
        + " "
        + String.join(", ", step.fromRevisions())
        + " -> "
        + String.join(", ", step.toRevisions())
        + (message.isEmpty() ? "" : ", " + message);
  }

  private List<ScriptElement> elements(Statement statement, SourceFile source)
      throws DiagnosticException {
    if (statements.skipped(statement)) {
      String other = ((Operation.RawSql) statement.operation()).dialect();
      return List.of(new ScriptElement.Comment("-- skipped: dialect block for " + other));
    }
    List<ScriptElement> out = new ArrayList<>();
    for (String text : statements.render(statement, source)) {
      out.add(new ScriptElement.Sql(text, statement.outsideTransaction()));
    }
    return out;
  }

  private static void quietJooq(String property) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, "true");
    }
  }
}

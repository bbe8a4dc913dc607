package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Stamp;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionTableOp;
import dev.strata.compiler.schema.DerivedDowngrade;
import dev.strata.compiler.schema.PlanModels;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a {@link Plan} as one SQL script for one {@link Dialect}: for PostgreSQL, a file to run
 * with {@code psql -f}. The output is a pure function of the plan, the options and the dialect:
 * byte for byte the same on every run, LF line endings, ending with a single {@code \n}.
 *
 * <p>Script shape (matching Alembic's offline output where a user would notice, §1.5-1.7 of the
 * Alembic notes): the {@link ScriptHeader header}; the session settings ({@code SET lock_timeout},
 * {@code SET statement_timeout}) when set; the advisory lock and the guard when {@link
 * ScriptOptions#guards()}; the version table's {@code CREATE TABLE IF NOT EXISTS} when the plan
 * starts from base; then per step the banner {@code -- Running upgrade A -> B, message}, its
 * statements and its version-table changes; and the lock's release. Every statement ends with {@code ;} and a blank line. Transactions and segments are
 * placed by {@link TransactionFramer} following {@link ScriptOptions#transactionMode()}; {@code
 * docs/scripts.md} describes the whole shape.
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
  private final StepCheck steps;

  private Renderer(Dialect dialect) {
    this.dialect = dialect;
    this.sql = SqlContext.forDialect(dialect);
    this.statements = new StatementRenderer(dialect, sql);
    this.steps = new StepCheck(dialect, statements);
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
   * The whole script for {@code plan} and how it is cut into segments (see {@code
   * docs/scripts.md}): each transaction is one segment, and so is each run of statements that must
   * run outside a transaction; in {@link TransactionMode#NONE} each revision is one segment, cut
   * again around such runs. With {@link ScriptOptions#guards()} the script checks the version
   * table before its first change and, when it has more than one segment, records each segment's
   * completion so that a re-run after a failure resumes at the failed segment.
   *
   * @throws DiagnosticException with every statement that cannot be rendered for this dialect
   *     (E04xx, see the package documentation), every step whose statements are all for other
   *     dialects (E0405, E0406), and every downgrade through a revision marked {@code --
   *     +irreversible} (E0216), in step and statement order
   */
  public RenderedScript renderScript(Plan plan, ScriptOptions options) throws DiagnosticException {
    if (dialect.rendersFromModel()) {
      throw new IllegalArgumentException(dialect.id() + " renders from the schema model: use"
          + " renderScript(plan, options, replay)");
    }
    return rendered(plan, options, null);
  }

  /**
   * {@link #renderScript(Plan, ScriptOptions)} for any dialect: a dialect that {@linkplain
   * Dialect#rendersFromModel() renders from the schema model} takes the model around each statement
   * from {@code replay} ({@link Replay#alongPlan}); PostgreSQL does not replay.
   *
   * @param replay a replay of the graph {@code plan} was planned on, for this dialect ({@link
   *     Replay#of(dev.strata.compiler.RevisionGraph, dev.strata.grammar.DialectId)})
   * @throws DiagnosticException as {@link #renderScript(Plan, ScriptOptions)}, and the schema
   *     checks' errors (E06xx) of the replay
   */
  public RenderedScript renderScript(Plan plan, ScriptOptions options, Replay replay)
      throws DiagnosticException {
    return rendered(plan, options, Objects.requireNonNull(replay, "replay"));
  }

  private RenderedScript rendered(Plan plan, ScriptOptions options, Replay replay)
      throws DiagnosticException {
    try (PreparedScript prepared = prepare(plan, options, replay, true, Spill.MEMORY_CHARS)) {
      StringWriter text = new StringWriter();
      prepared.writeTo(text);
      return new RenderedScript(text.toString(), prepared.segments());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the script's segments", e);
    }
  }

  /**
   * The script for {@code plan}, rendered and cut into segments as {@link #renderScript(Plan,
   * ScriptOptions, Replay)} does, but not yet written: {@link PreparedScript#writeTo} writes its
   * text, and until then its segments wait in memory or, beyond a few MiB, in a temporary file
   * that is deleted when the script is closed (or the process ends), so that memory stays flat in
   * the number of revisions. Its {@link PreparedScript#segments()} list no statements.
   *
   * @param replay as {@link #renderScript(Plan, ScriptOptions, Replay)}, or the models a replay
   *     kept for several plans ({@link Replay#keptAlong}, the same models); {@code null} for a
   *     dialect that does not render from the model
   * @throws DiagnosticException as {@link #renderScript(Plan, ScriptOptions, Replay)}
   */
  public PreparedScript prepareScript(Plan plan, ScriptOptions options, PlanModels replay)
      throws DiagnosticException {
    return prepare(plan, options, replay, false, Spill.MEMORY_CHARS);
  }

  /**
   * As {@link #prepareScript}, with its {@link PreparedScript#segments()} as {@link
   * #renderScript(Plan, ScriptOptions, Replay)} describes them (each statement's first line
   * included): what a bundle's {@code MANIFEST.json} and {@code APPLY.md} list. The summaries
   * stay in memory, one line per statement.
   *
   * @throws DiagnosticException as {@link #renderScript(Plan, ScriptOptions, Replay)}
   */
  public PreparedScript prepareDescribedScript(Plan plan, ScriptOptions options, Replay replay)
      throws DiagnosticException {
    return prepare(plan, options, replay, true, Spill.MEMORY_CHARS);
  }

  /** {@link #prepareScript}, its bodies moved to a file beyond {@code memoryChars} (for tests). */
  PreparedScript prepareScript(Plan plan, ScriptOptions options, PlanModels replay,
      int memoryChars)
      throws DiagnosticException {
    return prepare(plan, options, replay, false, memoryChars);
  }

  private PreparedScript prepare(Plan plan, ScriptOptions options, PlanModels replay,
      boolean describe, int memoryChars) throws DiagnosticException {
    if (replay == null && dialect.rendersFromModel()) {
      throw new IllegalArgumentException(dialect.id() + " renders from the schema model: a"
          + " replay is needed");
    }
    if (replay != null && replay.dialect() != dialect.dialectId()) {
      throw new IllegalArgumentException("a replay for " + replay.dialect().id() + ", not "
          + dialect.id());
    }
    VersionTable versionTable = new VersionTable(sql, options);
    ScriptFraming framing = ScriptFraming.of(dialect, sql, versionTable);
    framing.check(options);
    ScriptKind kind = new ScriptKind.Migration();
    Spill spill = new Spill(block -> framing.keeps(block, options, kind), memoryChars);
    try {
      TransactionFramer framer = TransactionFramer.streaming(
          dialect, options.transactionMode(), plan.fromHeads(), spill, describe);
      Steps steps = new Steps(plan, options, versionTable, framing, framer);
      if (plan.startsFromBase()) {
        framer.add(new ScriptElement.Sql(versionTable.create(), false));
      }
      if (dialect.rendersFromModel()) {
        replay.alongPlan(plan, steps::step);
      } else {
        for (int i = 0; i < plan.steps().size(); i++) {
          steps.step(i, null);
        }
      }
      if (!steps.problems.isEmpty()) {
        throw new DiagnosticException(steps.problems);
      }
      return new PreparedScript(framing, plan, options, kind, framer.finish(), spill);
    } catch (DiagnosticException | RuntimeException | Error e) {
      spill.close();
      throw e;
    }
  }

  /**
   * The script that stamps the version table ({@code strata stamp}): sets it from {@link
   * Stamp#fromRows()} to {@link Stamp#toRows()} without running any revision, creating it when
   * absent, framed as this dialect frames every script (directives, header, settings, lock,
   * transaction). When {@link ScriptOptions#guards()}, it stops before any change unless the table
   * holds exactly the starting rows (none: empty or absent), and checks that each {@code UPDATE} or
   * {@code DELETE} changed one row; a {@linkplain Stamp#purge() purging} stamp deletes every row
   * first and checks nothing of what the table held (see {@code docs/cli.md}, "stamp").
   *
   * @throws DiagnosticException the options this dialect cannot honour (E0452 for sqlite)
   */
  public RenderedScript renderStamp(Stamp stamp, ScriptOptions options)
      throws DiagnosticException {
    return StampScript.render(dialect, sql, Objects.requireNonNull(stamp, "stamp"), options);
  }

  /**
   * The whole script for {@code plan}: the text of {@link #renderScript}.
   *
   * @throws DiagnosticException as {@link #renderScript}
   */
  public String render(Plan plan, ScriptOptions options) throws DiagnosticException {
    return renderScript(plan, options).text();
  }

  /** The steps of one script, rendered one by one into its framer. */
  private final class Steps {
    private final Plan plan;
    private final ScriptOptions options;
    private final VersionTable versionTable;
    private final ScriptFraming framing;
    private final TransactionFramer framer;
    private final List<List<String>> headsAfter;
    private final List<Diagnostic> problems = new ArrayList<>();
    private boolean enumValueAdded = false;

    Steps(Plan plan, ScriptOptions options, VersionTable versionTable, ScriptFraming framing,
        TransactionFramer framer) {
      this.plan = plan;
      this.options = options;
      this.versionTable = versionTable;
      this.framing = framing;
      this.framer = framer;
      this.headsAfter = plan.headsAfterEachStep();
    }

    /**
     * Renders step {@code i} into the framer; its problems are kept for the end.
     *
     * @param models the model before the step and after each of its statements, or {@code null}
     *     for a dialect that does not render from the model
     */
    void step(int i, List<SchemaModel> models) {
      Step step = plan.steps().get(i);
      framer.add(new ScriptElement.StepStart(step.id()));
      framer.add(new ScriptElement.Comment(banner(step)));
      steps.problem(step).ifPresent(problems::add);
      boolean derived = step.direction() == Direction.DOWNGRADE
          && DerivedDowngrade.derived(step.revision());
      if (derived) {
        framer.add(new ScriptElement.Comment("-- derived by strata: '" + step.id()
            + "' has no '-- +downgrade' section"));
      }
      List<Statement> body = step.body().statements();
      for (int j = 0; j < body.size(); j++) {
        Statement statement = body.get(j);
        SchemaModel before = models == null ? SchemaModel.empty() : models.get(j);
        SchemaModel after = models == null ? SchemaModel.empty() : models.get(j + 1);
        if (derived && !(statement.operation() instanceof Operation.PostgresOnly)
            && statement.text().startsWith(DerivedDowngrade.NOTE)) {
          statement.text().lines().forEach(l -> framer.add(new ScriptElement.Comment(l)));
        }
        try {
          List<ScriptElement> rendered =
              elements(statement, step.revision().source(), options, before, after);
          // only a dialect with enum types has a value that cannot be used before it commits
          boolean addsValue = statement.operation() instanceof Operation.AddEnumValue
              && dialect.has(Capability.ENUM_TYPES);
          boolean runs = rendered.stream().anyMatch(e -> e instanceof ScriptElement.Sql);
          if (enumValueAdded && runs && !addsValue) {
            framer.add(new ScriptElement.Commit());
            enumValueAdded = false;
          }
          enumValueAdded |= addsValue;
          rendered.forEach(framer::add);
        } catch (DiagnosticException e) {
          problems.addAll(e.diagnostics());
        }
      }
      framer.add(new ScriptElement.SettingsEnd());
      for (VersionTableOp op : step.versionTableOps()) {
        framer.add(framing.versionChange(op, versionTable.render(op), options));
      }
      framer.add(new ScriptElement.StepEnd(headsAfter.get(i)));
    }
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
    return statements.render(statement, source, SchemaModel.empty());
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

  private List<ScriptElement> elements(Statement statement, SourceFile source,
      ScriptOptions options, SchemaModel before, SchemaModel after) throws DiagnosticException {
    if (statements.skipped(statement)) {
      return List.of(new ScriptElement.Comment(
          statement.operation() instanceof Operation.RawSql raw
              ? "-- skipped: dialect block for " + raw.dialect()
              : "-- skipped: line " + statement.span().line() + " is only for "
                  + String.join(", ", statement.dialects())));
    }
    Optional<String> setting =
        statement.operation() instanceof Operation.PostgresOnly.SetSetting set
            ? Optional.of(set.name())
            : statement.operation() instanceof Operation.PostgresOnly.ResetSetting reset
                ? Optional.of(reset.name())
                : Optional.empty();
    if (setting.isPresent() && !SCRIPT_SETTINGS.contains(setting.get())) {
      // a revision's setting: made for its own statements, ended by strata (see TransactionFramer)
      String apply = statements.render(statement, source, before).getFirst();
      String restore = restore(setting.get(), options);
      boolean reset = statement.operation() instanceof Operation.PostgresOnly.ResetSetting;
      return List.of(new ScriptElement.Setting(setting.get(), reset ? restore : apply, restore));
    }
    List<ScriptElement> out = new ArrayList<>();
    for (String text : statements.render(statement, source, before, after)) {
      out.add(new ScriptElement.Sql(text, outsideTransaction(statement)));
    }
    return out;
  }

  /**
   * Whether {@code statement} must run outside a transaction in this dialect: as {@link
   * Statement#outsideTransaction()} says, except that a dialect without {@link
   * Capability#CONCURRENT_INDEX} builds or drops a {@code CONCURRENTLY} index plainly, so that it
   * stays in the transaction unless {@code -- +no-transaction} marks it.
   */
  private boolean outsideTransaction(Statement statement) {
    boolean concurrentIndex =
        statement.operation() instanceof Operation.CreateIndex create && create.concurrently()
            || statement.operation() instanceof Operation.DropIndex drop && drop.concurrently();
    if (concurrentIndex && !dialect.has(Capability.CONCURRENT_INDEX)) {
      return statement.noTransaction();
    }
    return statement.outsideTransaction();
  }

  /**
   * Settings the script itself fixes for its whole run: a revision may only set them to the
   * script's values (the parser refuses others, E0150), so they are written as plain statements,
   * never ended by strata ({@code RESET client_encoding} would undo psql's {@code \encoding UTF8}).
   */
  private static final Set<String> SCRIPT_SETTINGS =
      Set.of("client_encoding", "standard_conforming_strings");

  /**
   * The statement that gives {@code name} back its script-wide value: the script option's {@code
   * lock_timeout} or {@code statement_timeout} when given, else {@code RESET} (the value the
   * session started with).
   */
  private String restore(String name, ScriptOptions options) {
    Optional<String> scriptValue = switch (name) {
      case "lock_timeout" -> options.lockTimeout();
      case "statement_timeout" -> options.statementTimeout();
      default -> Optional.empty();
    };
    return scriptValue.map(value -> SettingSql.literal(sql, name, value))
        .orElseGet(() -> SettingSql.reset(sql, name));
  }

  private static void quietJooq(String property) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, "true");
    }
  }
}

package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Target;
import dev.strata.compiler.schema.Change;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code strata status --db URL [--db URL...]}: the one command that connects to a database (PostgreSQL,
 * MariaDB/MySQL or an SQLite file: {@link JdbcUrl}). It reads the
 * version table (read only, see {@link VersionTableReader}), and prints the current heads, the
 * revisions an upgrade to {@code head} (to {@code heads} when the files have several) still runs,
 * and the {@code strata upgrade CURRENT:head} command that renders them. The password in the URL
 * is never printed. With several {@code --db}, each database's report, then whether they agree
 * ({@link StatusAgreement}): exit 0 when they hold the same revisions (and none drifts), {@value
 * Main#DISAGREE} when they do not, 1 when they agree but one has drifted.
 */
@Command(
    name = "status",
    description = {
      "Print a live database's revisions and what it still needs to apply.",
      "Reads the version table of a PostgreSQL, MariaDB, MySQL or SQLite",
      "database (read only) and prints its current heads, the revisions",
      "still to apply to reach head (heads when the revision files have",
      "several), and the exact",
      "'strata upgrade CURRENT:head' command. The password is never printed.",
      "With several --db, also whether they are all at the same revisions:",
      "exit 0 when they are, 4 when they are not (1: they agree, but drift)."
    })
final class StatusCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--db",
      paramLabel = "URL",
      required = true,
      description = "The database: postgresql://USER@HOST:PORT/DATABASE (password from the URL,"
          + " PGPASSWORD or ~/.pgpass), jdbc:postgresql://HOST:PORT/DATABASE?user=USER,"
          + " mariadb://USER@HOST:PORT/DATABASE, jdbc:mariadb:... (or mysql),"
          + " jdbc:sqlite:PATH, or an SQLite file PATH.db. Repeat it for several databases:"
          + " status then also says whether they are at the same revisions.")
  List<JdbcUrl> databases;

  @Mixin ReadOptions source;

  @Mixin VersionTableOptions table;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = ReportFormat.Converter.class,
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--verbose", description = "Print a stack trace on internal errors.")
  boolean verbose;


  @Override
  public Integer call() throws DiagnosticException {
    try {
      new ScriptOptions(table.name, table.schema, ToolVersion.get());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    for (JdbcUrl db : databases) {
      FromDatabase.requireSchemaSupported(db, table.schema, spec.commandLine());
    }
    Compilation compilation = Compilation.unlocked(source.versions, source.cache(spec));
    List<DatabaseStatus> reports = new ArrayList<>();
    for (JdbcUrl db : databases) {
      reports.add(status(compilation, db));
    }
    boolean drift = reports.stream().anyMatch(report -> !report.drift().isEmpty());
    PrintWriter out = spec.commandLine().getOut();
    if (reports.size() == 1) {
      out.print(switch (format) {
        case TEXT -> reports.getFirst().text();
        case JSON -> reports.getFirst().json();
      });
      out.flush();
      return drift ? Main.DIAGNOSTICS : Main.OK;
    }
    StatusAgreement agreement = StatusAgreement.of(reports, compilation.graph());
    out.print(switch (format) {
      case TEXT -> agreement.text();
      case JSON -> agreement.json();
    });
    out.flush();
    return !agreement.agree() ? Main.DISAGREE : drift ? Main.DIAGNOSTICS : Main.OK;
  }

  /** The report of one database. */
  private DatabaseStatus status(Compilation compilation, JdbcUrl db) throws DiagnosticException {
    RevisionGraph graph = compilation.graph();
    DatabaseState state = VersionTableReader.read(db, table.name, table.schema);
    state.requireKnown(graph, source.versions, db);
    state.requireConsistent(graph, db);
    boolean several = graph.heads().size() > 1;
    String target = several ? "heads" : "head";
    Target to = several ? new Target.Heads(Optional.empty()) : new Target.Head(Optional.empty());
    Plan plan = compilation.plan(Direction.UPGRADE, Range.of(state.targets(), List.of(to)));
    // the command printed for the user to run; the plan above was not made from this text
    Optional<String> command = plan.steps().isEmpty()
        ? Optional.empty()
        : Optional.of(command(state.current() + ":" + target, state.dialect()));
    SchemaModel model = Replay.of(graph, state.dialect()).at(state.rows());
    List<Change> drift = VersionTableReader.drift(db, table.name, table.schema, model);
    return new DatabaseStatus(db.toString(), state, target, plan.steps(), command,
        drift, model.handEdits().stream().map(edit -> edit.origin().describe()).toList());
  }

  /**
   * {@code strata upgrade RANGE}, with the options that differ from their defaults: {@code
   * --dialect} for a database that is not PostgreSQL.
   */
  private String command(String range, DialectId dialect) {
    List<String> words = new ArrayList<>(List.of("strata", "upgrade"));
    if (dialect != DialectId.POSTGRESQL) {
      words.addAll(List.of("--dialect", dialect.id()));
    }
    if (!source.versions.toString().equals("versions")) {
      words.addAll(List.of("--versions", source.versions.toString()));
    }
    if (!table.name.equals(ScriptOptions.DEFAULT_VERSION_TABLE)) {
      words.addAll(List.of("--version-table", table.name));
    }
    table.schema.ifPresent(s -> words.addAll(List.of("--version-table-schema", s)));
    words.add(range);
    return String.join(" ", words.stream().map(StatusCommand::shellWord).toList());
  }

  /** A word as a POSIX shell reads it back: as is when plain, else in single quotes. */
  static String shellWord(String word) {
    return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}

package dev.strata.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proof that an import of an Alembic history is faithful (issue 11, item 2): for every
 * revision {@code R} of the chain, Alembic's own offline script {@code alembic upgrade R --sql}
 * applied with {@code psql} to one fresh PostgreSQL database, and strata's {@code strata upgrade
 * base:R} over the imported versions directory applied to another, must leave the same schema
 * ({@code pg_dump --schema-only}, normalised: no comments, no {@code SET} lines) and the same
 * version-table rows ({@code SELECT version_num FROM alembic_version ORDER BY 1}); then the same
 * for the downgrades: for every head {@code H} (the heads the version table holds, Alembic's
 * {@code heads}) and every revision {@code R} it stands on, and {@code base}, {@code alembic
 * downgrade H:R --sql} against {@code strata downgrade H:R}, both applied to a database that
 * Alembic's {@code upgrade H --sql} brought to {@code H}. A downgrade target that Alembic's
 * offline mode refuses from {@code H} (one that {@code H} stands on only through {@code
 * depends_on}) is listed as not comparable and does not count.
 *
 * <p>Only forms both tools accept are used: revision ids (never {@code head}, which Alembic
 * refuses over several heads), the implicit {@code base} start of an Alembic upgrade, and an
 * explicit single-head start for every downgrade (Alembic's offline downgrade needs one and
 * cannot start from several heads: reference section 1.2). Alembic runs with {@code
 * PYTHONHASHSEED=0}, as its row bookkeeping over merges follows set order (section 1.4).
 *
 * <p>Two databases on the scratch server serve every range (emptied between ranges) and are
 * dropped at the end. Alembic before 1.19 drops the version table at the end of a downgrade to
 * {@code base} (section 1.3); strata keeps it, empty, as Alembic 1.19 does: after a downgrade to
 * {@code base} an empty version table is left out of the dumps. The two sides of a range run at
 * once.
 *
 * <p>The report, one line per range, then a final line:
 *
 * <pre>
 * upgrade base:3f1c2a7b9d10  same
 * upgrade base:8a2e4d6c1b35  differs
 * --- alembic upgrade 8a2e4d6c1b35 --sql
 * +++ strata upgrade base:8a2e4d6c1b35
 * &#64;&#64; -12,3 +12,3 &#64;&#64;
 * ...
 * downgrade 0a9b8c7d6e5f:base  failed: error[E0733]: psql stopped applying strata's script: ...
 * downgrade 8192a3b4c5d6:2b3c4d5e6f70  not comparable: alembic refuses it offline: ...
 * alembic proof: 10 of 12 ranges same, 1 differs, 1 failed, 1 not comparable (Alembic refuses
 *   them offline) (alembic 1.8.1)
 * </pre>
 *
 * The unified diff of the two dumps is printed for the first range that differs only.
 */
public final class AlembicProof {
  /** The version table both tools keep (Alembic's default). */
  public static final String VERSION_TABLE = ScriptOptions.DEFAULT_VERSION_TABLE;

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private AlembicProof() {}

  /**
   * What to prove.
   *
   * @param project the Alembic project: a directory with an {@code alembic.ini} whose {@code env.py}
   *     runs offline for PostgreSQL ({@code sqlalchemy.url = postgresql://})
   * @param versions the strata versions directory that importing the project's revisions produced
   *     (the same revision ids)
   * @param jdbcUrl the scratch PostgreSQL server, {@code
   *     jdbc:postgresql://HOST:PORT/DATABASE?user=U&password=P}: the proof creates two databases
   *     there (and drops them)
   * @param python the Python interpreter that has {@code alembic} (and the project's imports),
   *     e.g. {@code /usr/bin/python3}
   * @param revisions the revisions to prove, as ids; empty: every revision of the versions
   *     directory. Downgrades then start from the heads of these and end at ones of these (or base)
   */
  public record Setup(Path project, Path versions, String jdbcUrl, String python,
      List<String> revisions) {
    public Setup {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(versions, "versions");
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (python == null || python.isBlank()) {
        throw new IllegalArgumentException("a Python interpreter is needed to run Alembic");
      }
      revisions = List.copyOf(revisions);
    }

    /** Every revision of the versions directory. */
    public Setup(Path project, Path versions, String jdbcUrl, String python) {
      this(project, versions, jdbcUrl, python, List.of());
    }
  }

  /** How one range came out. */
  public enum Verdict {
    /** The same schema and the same version-table rows. */
    SAME,
    /** A different schema or different rows. */
    DIFFERS,
    /** One of the tools refused the range or its script failed: nothing to compare. */
    FAILED,
    /**
     * A downgrade that Alembic's offline mode refuses as a target ("is not a valid downgrade
     * target from current head(s)": a revision the start stands on only through {@code
     * depends_on}), so there is nothing of Alembic's to compare strata's with. It does not count
     * against the proof, but is listed.
     */
    NOT_COMPARABLE
  }

  /**
   * One range of the proof.
   *
   * @param range as the report names it: {@code upgrade base:R} or {@code downgrade H:R}
   * @param verdict how it came out
   * @param detail for {@code DIFFERS} the unified diff of the dumps and/or the rows of both sides;
   *     for {@code FAILED} the diagnostic; empty for {@code SAME}
   */
  public record Outcome(String range, Verdict verdict, String detail) {
    public Outcome {
      Objects.requireNonNull(range, "range");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(detail, "detail");
    }

    /** The report line: {@code RANGE  same}, {@code RANGE  differs}, {@code RANGE  failed: ...}. */
    public String line() {
      return switch (verdict) {
        case SAME -> range + "  same";
        case DIFFERS -> range + "  differs";
        case FAILED -> range + "  failed: " + detail;
        case NOT_COMPARABLE -> range + "  not comparable: " + detail;
      };
    }
  }

  /**
   * What the proof found.
   *
   * @param outcomes one per range, upgrades first, in the order they ran
   * @param alembicVersion the version of the Alembic that ran
   */
  public record Report(List<Outcome> outcomes, String alembicVersion) {
    public Report {
      outcomes = List.copyOf(outcomes);
      Objects.requireNonNull(alembicVersion, "alembicVersion");
    }

    /**
     * Whether every range that both tools accept came out the same (and there was at least one):
     * none differs or failed.
     */
    public boolean proven() {
      return count(Verdict.SAME) > 0
          && count(Verdict.DIFFERS) == 0 && count(Verdict.FAILED) == 0;
    }

    /** The final line of the report. */
    public String summary() {
      long same = count(Verdict.SAME);
      long notComparable = count(Verdict.NOT_COMPARABLE);
      String tail = (notComparable == 0 ? "" : ", " + notComparable + " not comparable (Alembic"
          + " refuses them offline)") + " (alembic " + alembicVersion + ")";
      long compared = outcomes.size() - notComparable;
      if (proven()) {
        return "alembic proof: all " + compared + " ranges same" + tail;
      }
      return "alembic proof: " + same + " of " + compared + " ranges same, "
          + count(Verdict.DIFFERS) + (count(Verdict.DIFFERS) == 1 ? " differs, " : " differ, ")
          + count(Verdict.FAILED) + " failed" + tail;
    }

    private long count(Verdict verdict) {
      return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }
  }

  /**
   * Runs the proof, printing each range's line as it is done (and the diff of the first range that
   * differs), then the final line, on {@code out}.
   *
   * @throws DiagnosticException when the proof cannot start: E0730 no {@code alembic.ini} in the
   *     project; E0731 no Alembic for the interpreter; E0734 the versions directory does not load
   *     (its own diagnostics follow); E0735 the scratch server refuses a connection or a database
   */
  public static Report prove(Setup setup, PrintStream out) throws DiagnosticException {
    Path ini = setup.project().resolve("alembic.ini").toAbsolutePath();
    if (!Files.isRegularFile(ini)) {
      throw new DiagnosticException(Diagnostic.error("E0730",
          "no alembic.ini in " + setup.project() + ": the proof runs Alembic on its project",
          "help: name the directory that holds alembic.ini (and env.py)"));
    }
    AlembicRunner alembic = AlembicRunner.find(setup.python(), ini);
    Compilation compilation = loadVersions(setup.versions());
    ScratchPostgres server;
    try {
      server = ScratchPostgres.of(setup.jdbcUrl());
    } catch (IllegalArgumentException e) {
      throw new DiagnosticException(Diagnostic.error("E0735", e.getMessage()));
    }
    String prefix = "strata_proof_" + ProcessHandle.current().pid() + "_"
        + COUNTER.incrementAndGet();
    Sides sides = new Sides(prefix + "_alembic", prefix + "_strata");
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("strata-proof");
      server.createDatabase(sides.alembic());
      server.createDatabase(sides.strata());
      Run run = new Run(setup, alembic, compilation, server, sides, scratch, out);
      List<Outcome> outcomes = run.all();
      Report report = new Report(outcomes, alembic.version());
      out.println(report.summary());
      return report;
    } catch (SQLException | IOException e) {
      throw new DiagnosticException(Diagnostic.error("E0735",
          "the scratch server " + new JdbcUrl(setup.jdbcUrl()) + " failed: " + e.getMessage(),
          "help: the proof needs a PostgreSQL server where it may create and drop databases"));
    } finally {
      dropQuietly(server, sides.alembic());
      dropQuietly(server, sides.strata());
      deleteQuietly(scratch);
    }
  }

  private static Compilation loadVersions(Path versions) throws DiagnosticException {
    try {
      return Compilation.load(versions);
    } catch (DiagnosticException e) {
      List<Diagnostic> all = new ArrayList<>();
      all.add(Diagnostic.error("E0734", "the strata versions directory " + versions
          + " does not load, so there is nothing to prove"));
      all.addAll(e.diagnostics());
      throw new DiagnosticException(all);
    }
  }

  private static void dropQuietly(ScratchPostgres server, String database) {
    try {
      server.dropDatabase(database);
    } catch (SQLException ignored) {
      // the server went away: nothing left to drop there
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory left behind: nothing to report
    }
  }

  /** The proof's two databases: where Alembic's scripts go, and where strata's go. */
  private record Sides(String alembic, String strata) {}

  /** One run of the proof over a setup. */
  private static final class Run {
    private final Setup setup;
    private final AlembicRunner alembic;
    private final Compilation compilation;
    private final RevisionGraph graph;
    private final ScratchPostgres server;
    private final Sides sides;
    private final Path scratch;
    private final PrintStream out;
    private final List<String> selected;
    private final Map<String, ExternalProcess> upgradeScripts = new LinkedHashMap<>();
    private boolean diffShown;
    /** Runs the Alembic side of a range while this thread runs strata's. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "strata-alembic-proof");
      t.setDaemon(true);
      return t;
    });

    Run(Setup setup, AlembicRunner alembic, Compilation compilation, ScratchPostgres server,
        Sides sides, Path scratch, PrintStream out) throws DiagnosticException {
      this.setup = setup;
      this.alembic = alembic;
      this.compilation = compilation;
      this.graph = compilation.graph();
      this.server = server;
      this.sides = sides;
      this.scratch = scratch;
      this.out = out;
      List<String> all = graph.revisions().stream().map(RevisionFile::id).toList();
      for (String id : setup.revisions()) {
        if (!all.contains(id)) {
          throw new DiagnosticException(Diagnostic.error("E0734",
              "revision '" + id + "' is not in " + setup.versions(),
              "help: the revisions to prove are ids of the imported versions directory"));
        }
      }
      this.selected = setup.revisions().isEmpty() ? all
          : all.stream().filter(setup.revisions()::contains).toList();
    }

    List<Outcome> all() throws SQLException {
      List<String> starts = starts();
      Map<String, List<String>> downTargets = new LinkedHashMap<>();
      for (String h : starts) {
        List<String> targets = new ArrayList<>();
        targets.add("base");
        graph.ancestors(h).stream().filter(selected::contains).forEach(targets::add);
        downTargets.put(h, targets);
      }
      List<List<String>> commands = new ArrayList<>();
      selected.forEach(r -> commands.add(List.of("upgrade", r)));
      downTargets.forEach((h, targets) ->
          targets.forEach(r -> commands.add(List.of("downgrade", h + ":" + r))));
      List<ExternalProcess> scripts = alembic.offline(commands, scratch);
      try {
        return compareAll(scripts, downTargets);
      } finally {
        executor.shutdownNow();
      }
    }

    private List<Outcome> compareAll(List<ExternalProcess> scripts,
        Map<String, List<String>> downTargets) throws SQLException {
      List<Outcome> outcomes = new ArrayList<>();
      int i = 0;
      for (String r : selected) {
        ExternalProcess script = scripts.get(i++);
        upgradeScripts.put(r, script);
        outcomes.add(report(upgrade(r, script)));
      }
      for (Map.Entry<String, List<String>> start : downTargets.entrySet()) {
        for (String r : start.getValue()) {
          outcomes.add(report(downgrade(start.getKey(), r, scripts.get(i++))));
        }
      }
      return outcomes;
    }

    /** The selected revisions that no other selected revision stands on: the downgrades' starts. */
    private List<String> starts() {
      Set<String> below = new java.util.HashSet<>();
      for (String id : selected) {
        below.addAll(graph.ancestors(id));
      }
      return selected.stream().filter(id -> !below.contains(id)).toList();
    }

    private Outcome report(Outcome outcome) {
      out.println(outcome.line());
      if (outcome.verdict() == Verdict.DIFFERS && !diffShown) {
        out.print(outcome.detail());
        diffShown = true;
      }
      out.flush();
      return outcome;
    }

    private Outcome upgrade(String r, ExternalProcess alembicSql) throws SQLException {
      String label = "upgrade base:" + r;
      if (!alembicSql.ok()) {
        return failed(label, "E0732", "alembic upgrade " + r + " --sql failed", alembicSql);
      }
      String strataSql;
      try {
        strataSql = strata(Direction.UPGRADE, "base:" + r);
      } catch (DiagnosticException e) {
        return new Outcome(label, Verdict.FAILED,
            "error[E0734]: strata upgrade base:" + r + " refused:\n" + e.format().strip());
      }
      return both(label, Optional.empty(), "alembic upgrade " + r + " --sql",
          alembicSql.stdout(), "strata upgrade base:" + r, strataSql, false);
    }

    private Outcome downgrade(String h, String r, ExternalProcess alembicSql) throws SQLException {
      String label = "downgrade " + h + ":" + r;
      ExternalProcess up = upgradeScripts.get(h);
      if (!up.ok()) {
        return failed(label, "E0732", "alembic upgrade " + h + " --sql failed", up);
      }
      if (!alembicSql.ok() && alembicSql.stderr().contains("is not a valid downgrade target")) {
        return new Outcome(label, Verdict.NOT_COMPARABLE, "alembic refuses it offline: "
            + alembicSql.tail(1));
      }
      if (!alembicSql.ok()) {
        return failed(label, "E0732", "alembic downgrade " + h + ":" + r + " --sql failed",
            alembicSql);
      }
      String strataSql;
      try {
        strataSql = strata(Direction.DOWNGRADE, h + ":" + r);
      } catch (DiagnosticException e) {
        return new Outcome(label, Verdict.FAILED,
            "error[E0734]: strata downgrade " + h + ":" + r + " refused:\n" + e.format().strip());
      }
      return both(label, Optional.of(up.stdout()), "alembic downgrade " + h + ":" + r + " --sql",
          alembicSql.stdout(), "strata downgrade " + h + ":" + r, strataSql, r.equals("base"));
    }

    private String strata(Direction direction, String range) throws DiagnosticException {
      Plan plan = compilation.plan(direction, Range.parse(direction, range));
      ScriptOptions options = new ScriptOptions(VERSION_TABLE, Optional.empty(),
          ToolVersion.get(), DialectOptions.defaultMode(Dialect.POSTGRESQL));
      return compilation.render(plan, Dialect.POSTGRESQL, options).text();
    }

    /**
     * What one side left: the failure that stopped it (null when none), the version rows, the
     * schema dump.
     */
    private record SideRun(String failure, ExternalProcess failed, List<String> rows,
        ExternalProcess dump) {}

    /**
     * One side of a range, on its own database: empty it, apply Alembic's {@code start} script
     * (the downgrades' start) when there is one, then {@code script}; read the version rows and
     * dump the schema. At {@code base} after a downgrade, an empty version table is left out of
     * the dump (Alembic before 1.19 drops it there; strata keeps it, as 1.19 does).
     */
    private SideRun side(String db, Optional<String> start, String name, String script,
        boolean toBase) throws SQLException {
      server.reset(db);
      if (start.isPresent()) {
        ExternalProcess applied = server.psql(db, start.get(), scratch);
        if (!applied.ok()) {
          return new SideRun("psql stopped applying the downgrades' start (Alembic's upgrade)",
              applied, List.of(), applied);
        }
      }
      ExternalProcess applied = server.psql(db, script, scratch);
      if (!applied.ok()) {
        return new SideRun("psql stopped applying " + name, applied, List.of(), applied);
      }
      List<String> rows = server.versionRows(db, VERSION_TABLE);
      List<String> excluded = toBase && rows.isEmpty() ? List.of(VERSION_TABLE) : List.of();
      ExternalProcess dump = server.schemaDump(db, excluded);
      if (!dump.ok()) {
        return new SideRun("pg_dump failed", dump, rows, dump);
      }
      return new SideRun(null, null, rows, dump);
    }

    /** Runs both sides at once (each waits mostly on psql, pg_dump and the server) and compares. */
    private Outcome both(String label, Optional<String> start, String alembicName,
        String alembicSql, String strataName, String strataSql, boolean toBase)
        throws SQLException {
      CompletableFuture<SideRun> alembicSide = CompletableFuture.supplyAsync(() -> {
        try {
          return side(sides.alembic(), start, alembicName, alembicSql, toBase);
        } catch (SQLException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      }, executor);
      SideRun strataRun = side(sides.strata(), start, strataName, strataSql, toBase);
      SideRun alembicRun;
      try {
        alembicRun = alembicSide.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw e;
      }
      for (SideRun run : List.of(alembicRun, strataRun)) {
        if (run.failure() != null) {
          return failed(label, run.failure().startsWith("pg_dump") ? "E0735" : "E0733",
              run.failure(), run.failed());
        }
      }
      return compare(label, alembicName, alembicRun, strataName, strataRun);
    }

    private Outcome compare(String label, String alembicName, SideRun alembicRun,
        String strataName, SideRun strataRun) {
      List<String> alembicLines = SchemaDumps.normalise(alembicRun.dump().stdout());
      List<String> strataLines = SchemaDumps.normalise(strataRun.dump().stdout());
      StringBuilder detail = new StringBuilder();
      if (!alembicLines.equals(strataLines)) {
        UnifiedDiffUtils.generateUnifiedDiff(alembicName, strataName, alembicLines,
            DiffUtils.diff(alembicLines, strataLines), 3).forEach(l -> detail.append(l).append('\n'));
      }
      if (!alembicRun.rows().equals(strataRun.rows())) {
        detail.append("version rows: alembic ").append(alembicRun.rows()).append(", strata ")
            .append(strataRun.rows()).append('\n');
      }
      return detail.isEmpty() ? new Outcome(label, Verdict.SAME, "")
          : new Outcome(label, Verdict.DIFFERS, detail.toString());
    }

    private static Outcome failed(String label, String code, String what, ExternalProcess run) {
      return new Outcome(label, Verdict.FAILED, "error[" + code + "]: " + what + ": "
          + run.tail(3).replace("\n", "\n    "));
    }
  }
}

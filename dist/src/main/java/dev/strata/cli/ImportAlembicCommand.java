package dev.strata.cli;

import dev.strata.alembic.AlembicImporter;
import dev.strata.alembic.ImportReport;
import dev.strata.alembic.translate.TypeMap;
import dev.strata.grammar.DiagnosticException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code strata import alembic DIR}: writes one strata revision file per Alembic revision of DIR
 * ({@link AlembicImporter}) and prints the report ({@link ImportReport#lines}). Exit 0 when every
 * revision was converted whole, 1 when placeholders remain (the files are written: the user
 * resolves them in place) or the Alembic files have errors (nothing written), 2 on a usage error.
 */
@Command(
    name = "alembic",
    description = {
      "Write one strata revision file per Alembic revision of DIR.",
      "DIR is an Alembic versions directory, or the directory of its env.py",
      "or of alembic.ini.",
      "Each file keeps the Alembic revision id (so alembic_version rows stay",
      "valid), its parents, branch labels, depends_on and message; upgrade()",
      "and downgrade() are translated into strata's language. What cannot be",
      "translated without guessing (Python logic, reads of the database,",
      "application types) is left as a '-- +todo' placeholder that no command",
      "compiles until it is replaced. Exit 1 while placeholders remain."
    })
final class ImportAlembicCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR",
      description = "The Alembic versions directory, or the directory holding env.py and"
          + " versions/, or alembic.ini.")
  Path source;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "versions",
      description = "Where to write the strata revision files (default: ${DEFAULT-VALUE});"
          + " created when missing.")
  Path output;

  @Option(names = "--force",
      description = "Replace files of the same name in the output directory.")
  boolean force;

  @Option(names = "--type-map", paramLabel = "NAME=TYPE", split = ",(?![^()]*\\))",
      splitSynopsisLabel = ",",
      mapFallbackValue = "",
      description = "An application column type and the strata type it is, e.g."
          + " myapp.types.GUID=UUID (repeatable, or comma-separated).")
  Map<String, String> typeMap = new LinkedHashMap<>();

  @Option(names = "--verify-with-alembic",
      description = "After writing, prove the import: for every revision, Alembic's own offline"
          + " SQL and strata's upgrade (and downgrade) give the same schema on two scratch"
          + " databases of --db (needs Alembic and an alembic.ini in DIR or above it).")
  boolean verify;

  @Option(names = "--db", paramLabel = "URL",
      description = "The scratch PostgreSQL server of --verify-with-alembic: "
          + JdbcUrl.FORMS + "; two databases are created there and dropped.")
  JdbcUrl db;

  @Option(names = "--python", paramLabel = "PATH",
      description = "The Python interpreter that has Alembic, for --verify-with-alembic"
          + " (default: /usr/bin/python3 when it exists, else python3).")
  String python;

  @Override
  public Integer call() throws DiagnosticException, IOException {
    if (verify && db == null) {
      throw new ParameterException(spec.commandLine(),
          "--verify-with-alembic needs --db URL, the scratch PostgreSQL server");
    }
    if (!verify && (db != null || python != null)) {
      throw new ParameterException(spec.commandLine(),
          "--db and --python are options of --verify-with-alembic");
    }
    List<String> entries = new ArrayList<>();
    typeMap.forEach((name, type) -> entries.add(type.isEmpty() ? name : name + "=" + type));
    TypeMap types = entries.isEmpty() ? TypeMap.EMPTY : TypeMap.parse(entries);
    ImportReport report;
    try {
      report = AlembicImporter.importHistory(source, output, force, types);
    } catch (IOException e) {
      // nothing is left behind: the files are written in a temporary folder moved in at the end
      throw OutputFile.cannotWrite(output, e, "-o names a folder you can write to, or a new one"
          + " in a folder you can write to, and DIR one you can read");
    }
    PrintWriter out = spec.commandLine().getOut();
    report.lines().forEach(out::println);
    out.flush();
    if (!report.complete()) {
      if (verify) {
        out.println("not verified with Alembic: " + report.placeholders()
            + (report.placeholders() == 1 ? " placeholder remains" : " placeholders remain"));
        out.flush();
      }
      return Main.DIAGNOSTICS;
    }
    return verify ? prove(out) : Main.OK;
  }

  /**
   * The JDBC URL of {@code --db} with the user and password of a {@code postgresql://} URL, {@code
   * PGPASSWORD} or the URL's own parameters, as {@link AlembicProof.Setup} takes it.
   *
   * @throws ParameterException when {@code --db} does not name a PostgreSQL server
   */
  private String scratchServer() {
    if (db.engine() != JdbcUrl.Engine.POSTGRESQL) {
      throw new ParameterException(spec.commandLine(), "--db of --verify-with-alembic must name a"
          + " PostgreSQL server (" + JdbcUrl.FORMS + "), not " + db);
    }
    StringBuilder url = new StringBuilder(db.driverUrl());
    char separator = url.indexOf("?") < 0 ? '?' : '&';
    for (String key : db.properties().stringPropertyNames().stream().sorted().toList()) {
      url.append(separator).append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(db.properties().getProperty(key), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  /** Runs {@link AlembicProof} on the Alembic project and the files just written. */
  private int prove(PrintWriter out) throws DiagnosticException {
    Path project = projectOf(source);
    String interpreter = python != null ? python
        : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    AlembicProof.Report proof;
    try (PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      proof = AlembicProof.prove(
          new AlembicProof.Setup(project, output, scratchServer(), interpreter), stream);
    } finally {
      out.print(buffer.toString(StandardCharsets.UTF_8));
      out.flush();
    }
    return proof.proven() ? Main.OK : Main.DIAGNOSTICS;
  }

  /**
   * The directory of the project's {@code alembic.ini}: DIR, or the nearest of its two parents that
   * holds one ({@code alembic/versions} lies two levels below it in Alembic's layout); DIR itself
   * when none does (the proof then says that there is no alembic.ini).
   */
  static Path projectOf(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path at = absolute;
    for (int up = 0; up <= 2 && at != null; up++, at = at.getParent()) {
      if (Files.isRegularFile(at.resolve("alembic.ini"))) {
        return up == 0 ? dir : at;
      }
    }
    return dir;
  }
}

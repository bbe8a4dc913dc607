package dev.strata.alembic;

import dev.strata.alembic.AlembicRevision.Value;
import dev.strata.alembic.translate.OpTranslator;
import dev.strata.alembic.translate.Placeholder;
import dev.strata.alembic.translate.Translation;
import dev.strata.alembic.translate.TypeMap;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code strata import alembic}: reads an Alembic versions directory ({@link AlembicHistory}) and
 * writes one strata revision file per Alembic revision, keeping its id (so {@code alembic_version}
 * rows stay valid), its parents, branch labels, dependencies and message; the bodies of
 * {@code upgrade()} and {@code downgrade()} are translated by {@link OpTranslator}, which leaves a
 * {@code -- +todo} placeholder for what it cannot translate without guessing.
 *
 * <p>Every file is parsed with strata's own parser before anything is written; a file that does
 * not parse is a bug of the import ({@link IllegalStateException}), never written. The files are
 * written all or nothing ({@link ImportWriter}).
 */
public final class AlembicImporter {
  private static final RevisionFileParser PARSER = new RevisionFileParser();

  private AlembicImporter() {}

  /**
   * Reads {@code source}, translates every revision and writes the files to {@code output}.
   *
   * @param source an Alembic versions directory, or a project directory with {@code env.py} and
   *     {@code versions/}
   * @param output the strata versions directory to write (created when missing)
   * @param force replace files of the same name in {@code output}
   * @param typeMap application column types mapped to strata types
   * @return the report; {@link ImportReport#complete()} is false when placeholders remain (the
   *     files are written all the same)
   * @throws DiagnosticException the problems of the Alembic files (E0701-E0713), or E0714 for
   *     each file that exists in {@code output} when not {@code force}; nothing is written
   * @throws IOException when reading or writing fails; nothing is left written
   */
  public static ImportReport importHistory(Path source, Path output, boolean force,
      TypeMap typeMap) throws DiagnosticException, IOException {
    ImportReport report = plan(AlembicHistory.load(source), output, typeMap);
    ImportWriter.write(output, report.revisions(), force);
    return report;
  }

  /** The files of {@code history} as they would be written to {@code output}, checked. */
  public static ImportReport plan(AlembicHistory history, Path output, TypeMap typeMap) {
    // Alembic creates an sa.Enum's type in op.create_table once per run of a chain: the upgrade()
    // translations share one set of created enums, in upgrade order.
    Set<String> enumsCreated = new HashSet<>();
    Map<String, Translation> upgrades = new HashMap<>();
    for (AlembicRevision revision : history.upgradeOrder()) {
      upgrades.put(revision.revision(), OpTranslator.translate(
          revision.module(), revision.upgrade(), typeMap, enumsCreated));
    }
    List<ImportedRevision> files = new ArrayList<>();
    for (AlembicRevision revision : history.revisions()) {
      files.add(convert(history, revision, upgrades.get(revision.revision()), output, typeMap));
    }
    return new ImportReport(output, files);
  }

  private static ImportedRevision convert(AlembicHistory history, AlembicRevision revision,
      Translation upgrade, Path output, TypeMap typeMap) {
    Translation downgrade =
        OpTranslator.translate(revision.module(), revision.downgrade(), typeMap);
    List<String> notes = new ArrayList<>();
    List<String> dependencies = history.dependencyIds(revision);
    for (Value written : revision.dependsOn()) {
      if (!dependencies.contains(written.text())) {
        String owner = history.labelOwner(written.text()).orElseThrow().revision();
        notes.add("depends_on '" + written.text() + "' is a branch label, written as"
            + " '-- depends-on: " + owner + "', the revision that declares it");
      }
    }
    String name = revision.file().getFileName().toString().replaceAll("\\.py$", "") + ".sql";
    String text = text(revision, dependencies, upgrade, downgrade);
    List<Placeholder> placeholders = new ArrayList<>(upgrade.placeholders());
    placeholders.addAll(downgrade.placeholders());
    requireParses(output.resolve(name), text, placeholders.size());
    return new ImportedRevision(revision, name, text,
        upgrade.convertedOperations() + downgrade.convertedOperations(), placeholders, notes);
  }

  /**
   * The revision file: the header ({@code revision}, {@code revises}, {@code message}, {@code
   * branch}, {@code depends-on}), a comment naming the Alembic file, then the two sections. An
   * empty {@code downgrade()} is {@code -- +no-op}; an empty {@code upgrade()} (a merge) is an
   * empty section.
   */
  static String text(AlembicRevision revision, List<String> dependencies, Translation upgrade,
      Translation downgrade) {
    StringBuilder out = new StringBuilder();
    out.append("-- revision: ").append(revision.revision()).append('\n');
    out.append("-- revises: ").append(revision.downRevisions().isEmpty()
        ? "base" : String.join(", ", revision.parents())).append('\n');
    if (!revision.message().isEmpty()) {
      out.append("-- message: ").append(revision.message()).append('\n');
    }
    if (!revision.branchLabels().isEmpty()) {
      out.append("-- branch: ").append(String.join(", ",
          revision.branchLabels().stream().map(Value::text).toList())).append('\n');
    }
    if (!dependencies.isEmpty()) {
      out.append("-- depends-on: ").append(String.join(", ", dependencies)).append('\n');
    }
    out.append("-- imported from ").append(revision.file()).append(" by 'strata import alembic'\n");
    out.append("\n-- +upgrade\n");
    upgrade.lines().forEach(line -> out.append(line).append('\n'));
    out.append("\n-- +downgrade\n");
    if (downgrade.lines().isEmpty()) {
      out.append("-- +no-op\n");
    } else {
      downgrade.lines().forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  /** Parses {@code text} as strata would read it from {@code path}; failing is a bug here. */
  private static void requireParses(Path path, String text, int placeholders) {
    RevisionFile file;
    try {
      file = PARSER.parse(new SourceFile(path.toString(), text));
    } catch (DiagnosticException e) {
      throw new IllegalStateException("the import made a revision file that strata cannot"
          + " parse (a bug of 'strata import alembic'; nothing was written):\n" + e.format()
          + "--- " + path + "\n" + text);
    }
    if (file.todos().size() != placeholders) {
      throw new IllegalStateException("the import made " + path + " with "
          + file.todos().size() + " '-- +todo' lines for " + placeholders + " placeholders");
    }
  }
}

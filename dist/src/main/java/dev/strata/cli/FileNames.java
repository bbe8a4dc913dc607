package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Location;
import dev.strata.grammar.RevisionId;
import dev.strata.grammar.Severity;
import dev.strata.grammar.ast.RevisionFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * W0206: a revision file whose name does not start with its revision id ({@code 0008_nick.sql}
 * holding {@code 0003_add_nickname}), so that looking for a revision by its file name finds
 * another one. A file already in {@code strata.sum} is not reported: renaming it would change the
 * file order of locked history, which the lock refuses.
 */
final class FileNames {
  private FileNames() {}

  /**
   * W0206 for each of {@code files} whose name does not start with its id, unless it is one of
   * {@code locked} (names in {@code strata.sum}, in file order).
   */
  static List<Diagnostic> check(List<RevisionFile> files, List<String> locked) {
    List<Diagnostic> out = new ArrayList<>();
    for (RevisionFile file : files) {
      String name = String.valueOf(Path.of(file.source().path()).getFileName());
      if (!name.startsWith(file.id()) && !locked.contains(name)) {
        out.add(new Diagnostic(Severity.WARNING, "W0206",
            "file name '" + name + "' does not start with its revision id '" + file.id() + "'",
            Optional.of(new Location(file.source(), file.header().revision().span())),
            List.of(help(file.id(), name, locked))));
      }
    }
    return out;
  }

  /**
   * Rename the file, unless the new name would sort before a locked file (E0212, an insertion
   * into locked history); then change the id to the file's stem while no database has it.
   */
  private static String help(String id, String name, List<String> locked) {
    String renamed = id + ".sql";
    String stem = name.substring(0, name.length() - ".sql".length());
    boolean beforeLocked = !locked.isEmpty() && renamed.compareTo(locked.getLast()) < 0;
    if (!beforeLocked) {
      return "help: rename the file to '" + renamed + "'";
    }
    return "help: '" + renamed + "' would sort before locked revision files; give the revision"
        + " an id that starts like its file name"
        + (RevisionId.isValid(stem) ? " ('" + stem + "')" : "")
        + " instead, while no database has applied it";
  }
}

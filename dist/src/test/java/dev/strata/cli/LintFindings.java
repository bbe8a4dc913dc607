package dev.strata.cli;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.LockLevel;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.TableLock;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Three findings that exercise every field of the JSON and SARIF outputs. */
final class LintFindings {
  private LintFindings() {}

  /** The project directory the findings' absolute path is under. */
  static final Path ROOT = Path.of("/work/shop").toAbsolutePath();

  static List<Finding> sample() {
    SourceFile indexes = new SourceFile("versions/0002_indexes.sql",
        "-- revision: 0002_indexes\n-- revises: 0001_init\n\n-- +upgrade\n"
            + "CREATE INDEX users_email ON users (email);\n");
    SourceFile drop = new SourceFile(ROOT.resolve("versions/0003 drop.sql").toString(),
        "-- revision: 0003_drop\n-- revises: 0002_indexes\n\n-- +upgrade\n"
            + "ALTER TABLE users DROP COLUMN bio;\n");
    Finding index = Finding.of(Rule.CREATE_INDEX_NOT_CONCURRENTLY, "0002_indexes",
            DialectId.POSTGRESQL, new Location(indexes, new Span(5, 14, 11)),
            "CREATE INDEX users_email on existing table users blocks its writes while it is built",
            List.of(new TableLock(new ObjectName("public", "users"), LockLevel.SHARE, false,
                true)))
        .withAlternative("CREATE INDEX CONCURRENTLY users_email ON users (email);");
    Finding dropped = Finding.of(Rule.DROP_DATA, "0003_drop", DialectId.POSTGRESQL,
            new Location(drop, new Span(5, 31, 3)), "dropping column users.bio loses its data",
            List.of(new TableLock(new ObjectName("app", "users"), LockLevel.ACCESS_EXCLUSIVE,
                false, false)))
        .withSeverity(LintSeverity.ERROR)
        .allowedBecause("bio moved to profiles in 0002");
    Finding stale = new Finding(Rule.UNUSED_ALLOW, LintSeverity.WARNING, "0003_drop",
        DialectId.POSTGRESQL, new Location(drop, new Span(3, 17, 6)),
        "'-- strata:allow rename' silences nothing: no statement of this revision breaks the rule",
        List.of(), Optional.empty(), Optional.empty());
    return List.of(index, dropped, stale);
  }
}

package dev.strata.cli;

import dev.strata.dialects.Dialect;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code -- +dialect postgresql psql-meta-commands} block of a bundled revision: a block that may
 * run psql meta-commands and use psql variables, emitted as written. {@code APPLY.md} lists them
 * and {@code MANIFEST.json} marks their steps ({@code "psqlMetaCommands": true}).
 *
 * @param direction the section it is in
 * @param line the 1-based line of its {@code -- +dialect} directive in the revision file
 */
record PsqlMetaCommandBlock(Direction direction, int line) {

  /** The opted-in blocks of {@code revision} for {@code dialect}, upgrade section first. */
  static List<PsqlMetaCommandBlock> of(RevisionFile revision, Dialect dialect) {
    List<PsqlMetaCommandBlock> blocks = new ArrayList<>();
    for (Section section : revision.sections()) {
      for (Statement statement : section.statements()) {
        if (statement.operation() instanceof Operation.RawSql raw && raw.psqlMetaCommands()
            && raw.dialect().equals(dialect.id())) {
          blocks.add(new PsqlMetaCommandBlock(section.direction(), statement.span().line()));
        }
      }
    }
    return List.copyOf(blocks);
  }
}

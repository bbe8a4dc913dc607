package dev.strata.grammar.ast;

import dev.strata.grammar.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One parsed revision file: its header, its {@code -- +upgrade} section and, when present, its
 * {@code -- +downgrade} section. {@code source} is the file as read, for diagnostics and checksums.
 * {@code todos} are its {@code -- +todo} placeholder lines, in file order (empty but for a revision
 * that {@code strata import alembic} could not translate whole).
 */
public record RevisionFile(
    SourceFile source, Header header, Section upgrade, Optional<Section> downgrade,
    List<TodoMark> todos) {

  /** Copies the list. */
  public RevisionFile {
    todos = List.copyOf(todos);
  }

  /** A file without {@code -- +todo} lines. */
  public RevisionFile(
      SourceFile source, Header header, Section upgrade, Optional<Section> downgrade) {
    this(source, header, upgrade, downgrade, List.of());
  }

  /** The revision id, as written in the {@code revision:} header line. */
  public String id() {
    return header.revision().text();
  }

  /** The upgrade section, then the downgrade section when there is one. */
  public List<Section> sections() {
    return Stream.concat(Stream.of(upgrade), downgrade.stream()).toList();
  }
}

package dev.strata.grammar.ast;

import dev.strata.grammar.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One parsed revision file: its header, its {@code -- +upgrade} section and, when present, its
 * {@code -- +downgrade} section. {@code source} is the file as read, for diagnostics and checksums.
 */
public record RevisionFile(
    SourceFile source, Header header, Section upgrade, Optional<Section> downgrade) {

  /** The revision id, as written in the {@code revision:} header line. */
  public String id() {
    return header.revision().text();
  }

  /** The upgrade section, then the downgrade section when there is one. */
  public List<Section> sections() {
    return Stream.concat(Stream.of(upgrade), downgrade.stream()).toList();
  }
}

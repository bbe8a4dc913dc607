package dev.strata.grammar.ast;

import dev.strata.grammar.SourceFile;
import java.util.Optional;

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
}

package dev.strata.cli;

import dev.strata.dialects.RenderedScript;
import java.util.List;
import java.util.Map;

/**
 * A script of a bundle once written into its files ({@code upgrade.sql}, {@code rollback.sql}),
 * without its text: how it is cut into segments, for {@code MANIFEST.json} and {@code APPLY.md},
 * and the lines {@code APPLY.md} names ({@link ApplyGuide#markers}, found by {@link LineFinder}).
 *
 * @param segments in order, numbered from 1, with each statement's first line; at least one
 * @param lines the 1-based number of the first line that starts with each marker looked for; a
 *     marker that no line starts with is absent
 */
record BundleScript(List<RenderedScript.Segment> segments, Map<String, Long> lines) {
  BundleScript {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a script has at least one segment");
    }
    segments = List.copyOf(segments);
    lines = Map.copyOf(lines);
  }
}

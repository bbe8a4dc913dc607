package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Step;
import java.util.List;

/**
 * The comment lines every script opens with, after its client's directives ({@link ScriptFraming}):
 * comments naming the tool, the direction, the start and end heads, the dialect, the version table
 * and a checksum of the revision files the steps come from. For {@code psql} the directives are
 * {@code \set ON_ERROR_STOP on} (stop at the first error) and {@code \encoding UTF8} (lex the rest
 * as the UTF-8 it is, whatever {@code PGCLIENTENCODING} or a psqlrc says: under SJIS, BIG5, GBK, UHC
 * or GB18030 psql takes a byte 0x81-0xFE as a lead byte that swallows the next, so a UTF-8 character
 * followed by {@code '} would hide the quote); they are pure ASCII, so they lex the same in every
 * client encoding.
 */
final class ScriptHeader {
  private ScriptHeader() {}

  /**
   * The header of a script of {@code kind}, every line ending with {@code \n}: {@link #render} for
   * a migration; for a stamp, the word {@code stamp}, no {@code -- sources:} line (no revision
   * runs) and a {@code -- stamp:} line saying what the table must hold for the script to run.
   */
  static String render(ScriptKind kind, Plan plan, ScriptOptions options, Dialect dialect,
      String versionTable) {
    return switch (kind) {
      case ScriptKind.Migration migration -> render(plan, options, dialect, versionTable);
      case ScriptKind.Stamp stamp -> {
        String from = stamp.purge() ? "any" : heads(plan.fromHeads());
        String to = heads(plan.toHeads());
        String rule = stamp.purge()
            ? "deletes every row of the version table, then writes the target; runs no revision"
            : options.guards()
                ? "sets the version table without running any revision; refuses unless it holds "
                    + Guard.rows(plan.fromHeads())
                    + (plan.fromHeads().isEmpty() ? " (empty or absent)" : "")
                : "sets the version table without running any revision (unguarded)";
        yield "-- strata " + options.toolVersion() + ": stamp " + from + " -> " + to + " ("
            + dialect.id() + ")\n"
            + "-- from: " + from + "\n"
            + "-- to: " + to + "\n"
            + "-- version table: " + versionTable + "\n"
            + "-- stamp: " + rule + "\n";
      }
    };
  }

  /** The header's comment lines, every line ending with {@code \n}. */
  static String render(Plan plan, ScriptOptions options, Dialect dialect, String versionTable) {
    String from = heads(plan.fromHeads());
    String to = heads(plan.toHeads());
    int files = plan.steps().size();
    return "-- strata " + options.toolVersion() + ": " + plan.direction().word() + " " + from
        + " -> " + to + " (" + dialect.id() + ")\n"
        + "-- from: " + from + "\n"
        + "-- to: " + to + "\n"
        + "-- version table: " + versionTable + "\n"
        + "-- sources: sha256:" + sourcesChecksum(plan.steps()) + " over " + files
        + (files == 1 ? " revision file\n" : " revision files\n");
  }

  /** Heads as headers print them ({@link ScriptIdentity#heads}). */
  static String heads(List<String> heads) {
    return ScriptIdentity.heads(heads);
  }

  /** The header's {@code -- sources:} checksum of the steps' files ({@link ScriptIdentity}). */
  static String sourcesChecksum(List<Step> steps) {
    return ScriptIdentity.sourcesChecksum(steps.stream()
        .map(step -> new ScriptIdentity.Source(step.revision().source().sha256(), step.id()))
        .toList());
  }
}

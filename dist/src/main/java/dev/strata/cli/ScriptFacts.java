package dev.strata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code strata verify} reads of a script while hashing it, without holding it, whatever its
 * dialect (the manifest that names the dialect may come later in the archive): the header (the
 * lines before the first blank line, as {@code ScriptHeader} and the framings write them), and
 * the preamble that strata writes before the first step, which no revision file contributes to:
 * its session settings ({@code SET ...} lines, not {@code SET @variable}, and sqlite3's {@code
 * .timeout}), whether it holds the guard, and the line that opens the first segment ({@code
 * BEGIN;}, {@code BEGIN IMMEDIATE;}, a {@code -- segment 1 of N ...} or {@code -- strata: segment
 * 1 of N ...} marker, or a step's {@code -- Running ...} banner). The guard is looked for up to the
 * first banner: SQLite's runs inside the first transaction, after its {@code BEGIN IMMEDIATE;}.
 *
 * @param header the header lines, at most {@link #MAX_HEADER_LINES}
 * @param headerCut whether the header had more lines, or longer ones, than kept
 * @param settings the preamble's setting lines before the first segment opens
 * @param guard whether the preamble holds the guard that checks the version table's rows
 * @param firstBodyLine the line that opens the first segment, if any
 */
record ScriptFacts(
    List<String> header,
    boolean headerCut,
    List<String> settings,
    boolean guard,
    Optional<String> firstBodyLine) {
  /** The most header lines kept: a strata header has seven or eight. */
  static final int MAX_HEADER_LINES = 32;
  /** The most preamble {@code SET} lines kept: strata writes two at most. */
  static final int MAX_SETTINGS = 8;

  ScriptFacts {
    header = List.copyOf(header);
    settings = List.copyOf(settings);
  }

  /** The characters kept, for the {@link ReadBudget}. */
  long chars() {
    long chars = firstBodyLine.map(String::length).orElse(0);
    for (String line : header) {
      chars += line.length();
    }
    for (String line : settings) {
      chars += line.length();
    }
    return chars;
  }

  /** Collects the facts of one script as its bytes stream past. */
  static final class Scanner extends LineScanner {
    private enum State { HEADER, PREAMBLE, OPENED, DONE }

    private final List<String> header = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();
    private State state = State.HEADER;
    private boolean headerCut;
    private boolean guard;
    private String firstBodyLine;

    @Override
    boolean line(String line) {
      switch (state) {
        case HEADER -> {
          if (line.isEmpty()) {
            state = State.PREAMBLE;
          } else if (header.size() < MAX_HEADER_LINES && line.length() < MAX_LINE / 4) {
            header.add(line);
          } else {
            headerCut = true;
          }
        }
        case PREAMBLE -> preamble(line);
        case OPENED -> opened(line);
        case DONE -> { }
      }
      return state != State.DONE;
    }

    private void preamble(String line) {
      if (opens(line)) {
        firstBodyLine = line;
        state = State.OPENED;
        opened(line);
      } else if (setting(line) && settings.size() < MAX_SETTINGS) {
        settings.add(line);
      } else {
        guard |= guards(line);
      }
    }

    /** After the first segment opened: the guard of a SQLite script, up to the first step. */
    private void opened(String line) {
      if (line.startsWith("-- Running ")) {
        state = State.DONE;
      } else {
        guard |= guards(line);
      }
    }

    /** A line that opens a segment, in any dialect's framing. */
    private static boolean opens(String line) {
      return line.equals("BEGIN;") || line.equals("BEGIN IMMEDIATE;")
          || line.startsWith("-- segment ") || line.startsWith("-- strata: segment ")
          || line.startsWith("-- Running ");
    }

    /** A session setting: psql's and MySQL's {@code SET} (not of a user variable), sqlite3's. */
    private static boolean setting(String line) {
      return line.startsWith("SET ") && !line.startsWith("SET @") || line.startsWith(".timeout ");
    }

    /**
     * A line of the guard that checks the rows a script starts from: the message of psql's and
     * MySQL's ({@code ... but this script starts from [...]}) or the check of SQLite's ({@code
     * ..., the rows this script starts from}).
     */
    private static boolean guards(String line) {
      return line.contains(" but this script starts from [")
          || line.contains(", the rows this script starts from");
    }

    /** The facts read, once the file has been read and this scanner closed. */
    ScriptFacts facts() {
      return new ScriptFacts(
          header, headerCut, settings, guard, Optional.ofNullable(firstBodyLine));
    }
  }
}

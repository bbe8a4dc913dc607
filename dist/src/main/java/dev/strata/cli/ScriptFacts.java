package dev.strata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code strata verify} reads of a script while hashing it, without holding it: the header
 * (the lines before the first blank line, as {@code ScriptHeader} and {@code PsqlFraming} write
 * them), and the preamble that strata writes before the first segment, which no revision file
 * contributes to: its {@code SET} lines, whether it holds the guard, and the line that opens the
 * first segment ({@code BEGIN;}, {@code -- segment 1 of N ...} or a step's {@code -- Running ...}
 * banner).
 *
 * @param header the header lines, at most {@link #MAX_HEADER_LINES}
 * @param headerCut whether the header had more lines, or longer ones, than kept
 * @param settings the preamble's lines that start with {@code SET }
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
    private enum State { HEADER, PREAMBLE, DONE }

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
        case DONE -> { }
      }
      return state != State.DONE;
    }

    private void preamble(String line) {
      if (line.equals("BEGIN;") || line.startsWith("-- segment ")
          || line.startsWith("-- Running ")) {
        firstBodyLine = line;
        state = State.DONE;
      } else if (line.startsWith("SET ") && settings.size() < MAX_SETTINGS) {
        settings.add(line);
      } else if (line.contains(" but this script starts from [")) {
        guard = true;
      }
    }

    /** The facts read, once the file has been read and this scanner closed. */
    ScriptFacts facts() {
      return new ScriptFacts(
          header, headerCut, settings, guard, Optional.ofNullable(firstBodyLine));
    }
  }
}

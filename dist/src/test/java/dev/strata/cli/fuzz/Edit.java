package dev.strata.cli.fuzz;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A file's new content and what was done to it, in words ({@code "inserted U+2028 at line 2"}).
 *
 * @param bytes the mutated content
 * @param what a short description for the report of a violation
 */
record Edit(byte[] bytes, String what) {
  Edit {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(what, "what");
  }

  /** One mutation of one file's bytes; {@code ids} are the chain's revision ids. */
  @FunctionalInterface
  interface FileMutator {
    Edit apply(byte[] bytes, List<String> ids, RandomGenerator rnd);
  }

  /** Inserts {@code what} at byte offset {@code at}, described as {@code label}. */
  static Edit insertAt(byte[] bytes, int at, byte[] what, String label) {
    return new Edit(Bytes.insert(bytes, at, what),
        "inserted " + label + " at line " + Bytes.lineOf(bytes, at));
  }
}

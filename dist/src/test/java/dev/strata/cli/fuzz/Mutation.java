package dev.strata.cli.fuzz;

import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * The kinds of damage a fuzz case does to the sample chain, each picked with equal weight. All
 * but {@link #FILES} and {@link #SPLICE} change one revision file picked at random.
 */
enum Mutation {
  BYTE_FLIP(RawMutations::flip),
  TRUNCATE(RawMutations::truncate),
  NUL(RawMutations::nul),
  INVALID_UTF8(RawMutations::invalidUtf8),
  LINE_SEPARATOR(RawMutations::oddCharacter),
  DELETE_LINES(LineMutations::delete),
  DUPLICATE_LINES(LineMutations::duplicate),
  SWAP_LINES(LineMutations::swap),
  HUGE_LINE(LineMutations::huge),
  LINE_ENDINGS(LineMutations::endings),
  QUOTE(SqlMutations::quote),
  NESTING(SqlMutations::nesting),
  PSQL_BACKSLASH(SqlMutations::backslash),
  PSQL_VARIABLE(SqlMutations::variable),
  TOKEN(SqlMutations::token),
  HEADER(HeaderMutations::header),
  SECTION(HeaderMutations::section),
  SPLICE(FileMutations::splice),
  FILES(FileMutations::files);

  private final BiFunction<Chain, RandomGenerator, String> action;

  Mutation(Edit.FileMutator mutator) {
    this.action = (chain, rnd) -> {
      String name = chain.pickRevision(rnd);
      Edit edit = mutator.apply(chain.get(name), chain.ids(), rnd);
      chain.put(name, edit.bytes());
      return name + ": " + edit.what();
    };
  }

  Mutation(BiFunction<Chain, RandomGenerator, String> action) {
    this.action = action;
  }

  /**
   * Applies this mutation to {@code chain} in place; returns what it did, for the report, on one
   * line: control characters and U+0085, U+2028, U+2029 are written as {@code \\uXXXX}.
   */
  String apply(Chain chain, RandomGenerator rnd) {
    StringBuilder what = new StringBuilder(name()).append(' ');
    action.apply(chain, rnd).codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
        what.append(String.format("\\u%04X", c));
      } else {
        what.appendCodePoint(c);
      }
    });
    return what.toString();
  }
}

package dev.strata.cli;

/**
 * The first thing {@code strata verify} found wrong with a bundle, in the words it prints (e.g.
 * {@code checksum mismatch for 'upgrade.sql': ...}). The messages are listed in {@code
 * docs/bundle-format.md}.
 */
final class BundleProblem extends Exception {
  private static final long serialVersionUID = 1L;

  BundleProblem(String message) {
    super(message, null, false, false);
  }
}

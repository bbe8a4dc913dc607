/**
 * The fuzz harness: damages copies of the sample chain ({@code versions/}) in seeded, reproducible
 * ways and runs the CLI in-process on them, checking that bad input only ever gives positioned
 * diagnostics and exit 0 or 1. {@link dev.strata.cli.fuzz.FuzzMain} is the entry for {@code
 * bench/fuzz.sh}; {@code FuzzTest} runs a few hundred cases in the default test suite.
 */
package dev.strata.cli.fuzz;

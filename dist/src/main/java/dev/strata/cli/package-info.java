/**
 * The {@code strata} command line: picocli commands over the compiler and the dialect renderers.
 * {@link dev.strata.cli.Main#run} is the entry for tests; only {@code main} exits the JVM. Every
 * command that plans or renders runs the one pipeline, {@link dev.strata.cli.Compilation}.
 */
package dev.strata.cli;

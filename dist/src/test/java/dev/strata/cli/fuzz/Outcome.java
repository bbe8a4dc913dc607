package dev.strata.cli.fuzz;

import dev.strata.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one in-process run of the CLI gave.
 *
 * @param exit the exit code {@code Main.run} returned (-1 when it threw)
 * @param out standard output, decoded as UTF-8
 * @param err standard error, decoded as UTF-8
 * @param thrown whatever escaped {@code Main.run}: exception or error, {@code StackOverflowError}
 *     and {@code OutOfMemoryError} included
 */
record Outcome(int exit, String out, String err, Optional<Throwable> thrown) {
  Outcome {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(thrown, "thrown");
  }

  /** Runs {@code Main.run(args, out, err)} on the calling thread, catching every throwable. */
  static Outcome run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = -1;
    Throwable thrown = null;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(args.toArray(String[]::new), o, e);
    } catch (Throwable t) { // the point of the harness: nothing may escape, not even an Error
      thrown = t;
    }
    return new Outcome(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8), Optional.ofNullable(thrown));
  }
}

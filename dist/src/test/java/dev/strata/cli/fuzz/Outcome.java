package dev.strata.cli.fuzz;

import dev.strata.cli.UncachedRun;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one in-process run of the CLI gave. Each stream keeps at most {@value #KEPT} bytes, and a
 * run is stopped as soon as it writes more than that to stderr: an error storm (gigabytes of
 * diagnostics) must not take the harness down with it, nor hours.
 *
 * @param exit the exit code {@code Main.run} returned (-1 when it threw)
 * @param out standard output, decoded as UTF-8, at most {@value #KEPT} bytes of it
 * @param err standard error, decoded as UTF-8, at most {@value #KEPT} bytes of it
 * @param errSize the number of bytes written to standard error (just over {@value #KEPT} when the
 *     run was stopped)
 * @param thrown whatever escaped {@code Main.run}: exception or error, {@code StackOverflowError}
 *     and {@code OutOfMemoryError} included
 */
record Outcome(int exit, String out, String err, long errSize, Optional<Throwable> thrown) {
  /** The most bytes of a stream kept: 16 MiB. */
  static final int KEPT = 16 << 20;

  Outcome {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(thrown, "thrown");
  }

  /** Whether standard error held more than was kept. */
  boolean errTruncated() {
    return errSize > KEPT;
  }

  /**
   * Runs {@code Main.run(args, out, err)} on the calling thread (without the user's parse cache:
   * {@link UncachedRun}), catching every throwable.
   */
  static Outcome run(List<String> args) {
    Capped out = new Capped();
    Capped err = new Capped();
    int exit = -1;
    Throwable thrown = null;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err.stopping(), true, StandardCharsets.UTF_8)) {
      exit = UncachedRun.run(args.toArray(String[]::new), o, e);
    } catch (Flooded f) {
      // stopped on purpose; errSize tells
    } catch (Throwable t) { // the point of the harness: nothing may escape, not even an Error
      thrown = t;
    }
    return new Outcome(exit, out.text(), err.text(), err.size, Optional.ofNullable(thrown));
  }

  /** Thrown into the CLI to stop a run that floods stderr; an Error, so no handler takes it. */
  private static final class Flooded extends Error {
    Flooded() {
      super("more than " + KEPT + " bytes on stderr", null, false, false);
    }
  }

  /** Keeps the first {@value #KEPT} bytes written and counts the rest. */
  private static final class Capped extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long size;
    private boolean stopping;

    /** This stream, throwing {@link Flooded} once more than {@value #KEPT} bytes were written. */
    Capped stopping() {
      stopping = true;
      return this;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int room = (int) Math.max(0, Math.min(len, KEPT - size));
      kept.write(b, off, room);
      size += len;
      if (stopping && size > KEPT) {
        throw new Flooded();
      }
    }

    String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}

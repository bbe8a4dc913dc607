package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Entry point of the {@code strata} command.
 *
 * <p>Exit codes: {@value #OK} success, {@value #DIAGNOSTICS} the input has errors (diagnostics on
 * stderr), {@value #USAGE} the command line is wrong, {@value #INTERNAL} an internal error (a stack
 * trace only with {@code --verbose}), {@value #DISAGREE} the databases given to {@code status} are
 * not at the same revisions.
 */
public final class Main {
  /** Success. */
  public static final int OK = 0;
  /** The revision files or the range are wrong; diagnostics were printed. */
  public static final int DIAGNOSTICS = 1;
  /** The command line is wrong (unknown option, missing argument, unknown dialect). */
  public static final int USAGE = 2;
  /** A bug or an environment failure (unreadable file, full disk). */
  public static final int INTERNAL = 3;
  /** {@code strata status} with several databases: they are not at the same revisions. */
  public static final int DISAGREE = 4;

  private Main() {}

  /**
   * Runs strata and exits the JVM with its exit code. The process runs in the root locale, so that
   * nothing it writes depends on the user's ({@code tr_TR} upper-cases {@code if} to {@code İF}).
   */
  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs strata with the given arguments, writing results to {@code out} and diagnostics to {@code
   * err} (both UTF-8), and returns the exit code instead of exiting.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Environment.system());
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream)}, with {@code environment} in place of the
   * process's environment variables and working directory (tests).
   */
  static int run(String[] args, PrintStream out, PrintStream err, Environment environment) {
    PrintWriter outWriter = new Utf8Output(out);
    PrintWriter errWriter = new Utf8Output(err);
    CommandLine cli = StrataCommand.commandLine(outWriter, errWriter, environment, args);
    int code;
    try {
      code = cli.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
    // PrintWriter and PrintStream keep a failed write to themselves: a full disk or a closed
    // pipe behind standard output would otherwise exit 0 with the output cut short
    if ((outWriter.checkError() || out.checkError()) && code == OK) {
      errWriter.print(Diagnostic.error("E0506", "cannot write standard output: the disk is full"
              + " or its reader stopped reading, so what was written is incomplete",
          "help: write to a file with -o FILE, which is replaced only once complete").format());
      errWriter.flush();
      return DIAGNOSTICS;
    }
    return code;
  }
}

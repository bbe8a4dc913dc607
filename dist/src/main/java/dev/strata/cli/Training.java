package dev.strata.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the distribution's start-up cache (JDK 25's AOT cache, JEP 483/514):
 * runs several strata command lines in one JVM, so that the cache holds the classes that every
 * one of them loads. Not a user command; {@code mvn package} runs it through the launcher (see
 * {@code dist/src/build/release.sh train}).
 *
 * <p>Arguments: command lines separated by a lone {@code ,}, for example {@code heads --versions
 * v , check --versions v}. Output goes nowhere; the exit code is 0 when every command line
 * exited 0, else 3 with the failing line on stderr (a training run that fails trains nothing
 * useful, so the build stops).
 */
public final class Training {
  private Training() {}

  /** Runs each command line, discarding its output; exits 3 at the first one that fails. */
  public static void main(String[] args) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals(",")) {
        lines.add(line);
        line = new ArrayList<>();
      } else {
        line.add(arg);
      }
    }
    lines.add(line);
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    for (List<String> command : lines) {
      int code = Main.run(command.toArray(String[]::new), nowhere, nowhere);
      if (code != Main.OK) {
        System.err.println("strata training: exit " + code + ": " + String.join(" ", command));
        System.exit(Main.INTERNAL);
      }
    }
    System.out.flush();
    System.exit(Main.OK);
  }
}

package dev.strata.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Main#run(String[], PrintStream, PrintStream)} with the process's environment but no
 * parse-cache folder ({@code HOME}, {@code XDG_CACHE_HOME} and {@code STRATA_CACHE_DIR} left out),
 * for test harnesses outside this package (the fuzzer) that must not fill the user's cache.
 */
public final class UncachedRun {
  private UncachedRun() {}

  /** Runs strata as {@link Main#run(String[], PrintStream, PrintStream)} does, uncached. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> variables = new HashMap<>(System.getenv());
    List.of("HOME", "XDG_CACHE_HOME", "STRATA_CACHE_DIR").forEach(variables::remove);
    return Main.run(args, out, err, new Environment(variables, Path.of("")));
  }
}

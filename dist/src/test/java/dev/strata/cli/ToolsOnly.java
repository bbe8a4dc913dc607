package dev.strata.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of links to the few tools the launcher runs (sh, sed, dirname...), and nothing else:
 * a {@code PATH} with no java on it, for the launcher tests ({@link LauncherIT}, {@link ReleaseIT}).
 */
final class ToolsOnly {
  private ToolsOnly() {}

  /**
   * {@code dir}/tools holding a link to each of {@code tools} as found on this process's {@code
   * PATH}; made once, later calls reuse it.
   *
   * @throws AssertionError when a tool is not on the {@code PATH}
   */
  static Path in(Path dir, List<String> tools) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("tools"));
    for (String tool : tools) {
      if (!Files.exists(bin.resolve(tool), LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(bin.resolve(tool), which(tool));
      }
    }
    return bin;
  }

  private static Path which(String tool) {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(tool + " is not on PATH");
  }
}

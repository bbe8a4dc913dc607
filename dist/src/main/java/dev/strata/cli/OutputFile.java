package dev.strata.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an output file ({@code -o FILE}) atomically through {@link AtomicOutput}: the content goes
 * to a temporary file beside the target, which is then renamed over it; a failure or an interrupt
 * leaves the target as it was (absent or with its old content). A target that exists and is not a
 * regular file ({@code /dev/null}, a named pipe, {@code /dev/stdout}) is written directly: it
 * cannot be replaced, and must not be.
 */
final class OutputFile {
  private OutputFile() {}

  /**
   * Writes {@code content} (UTF-8) to {@code target}, replacing an existing file.
   *
   * @throws IOException when the directory is missing or not writable, or the move fails
   */
  static void write(Path target, String content) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      Files.writeString(target, content, StandardCharsets.UTF_8);
      return;
    }
    AtomicOutput.write(target, true, temp -> Files.writeString(temp, content, StandardCharsets.UTF_8));
  }
}

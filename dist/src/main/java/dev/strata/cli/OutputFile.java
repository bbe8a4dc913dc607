package dev.strata.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file atomically: the content goes to a temporary file in the same directory,
 * which is then moved over the target. A failure at any point leaves the target as it was (absent
 * or with its old content) and removes the temporary file. A target that exists and is not a
 * regular file ({@code /dev/null}, a named pipe, {@code /dev/stdout}) is written directly: it
 * cannot be replaced, and must not be.
 */
final class OutputFile {
  private OutputFile() {}

  /**
   * Writes {@code content} (UTF-8) to {@code target}.
   *
   * @throws IOException when the directory is missing or not writable, or the move fails
   */
  static void write(Path target, String content) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      Files.writeString(target, content, StandardCharsets.UTF_8);
      return;
    }
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

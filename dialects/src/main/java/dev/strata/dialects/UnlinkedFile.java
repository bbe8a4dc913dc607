package dev.strata.dialects;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file that is never left behind: made in {@code java.io.tmpdir}, opened for reading
 * and writing, and unlinked at once (on Unix the open channel keeps its bytes, which go with the
 * last close); what a long script's segments ({@link Spill}) and a bundle's files wait in.
 */
public final class UnlinkedFile {
  private UnlinkedFile() {}

  /**
   * A new temporary file named {@code prefix...suffix}, open and already unlinked; the path is
   * deleted even when opening it fails.
   *
   * @throws IOException when the temporary directory cannot hold it
   */
  public static FileChannel open(String prefix, String suffix) throws IOException {
    Path path = Files.createTempFile(prefix, suffix);
    try {
      return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE);
    } finally {
      Files.deleteIfExists(path);
    }
  }

  /** Closes {@code file}, if any: the file is unlinked already, so this only frees its descriptor. */
  public static void release(FileChannel file) {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // nothing to clean up: the bytes go with the descriptor
      }
    }
  }
}

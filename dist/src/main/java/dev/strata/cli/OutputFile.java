package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

  /** Writes a file's text, without flushing or closing the writer. */
  @FunctionalInterface
  interface Text {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes {@code text} (UTF-8) to {@code target} as it comes, replacing an existing file: as
   * {@link #write(Path, String)}, whose temporary file is deleted when {@code text} fails.
   *
   * @throws IOException when the directory is missing or not writable, the move fails, or {@code
   *     text} fails
   */
  static void write(Path target, Text text) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
        text.writeTo(out);
      }
      return;
    }
    AtomicOutput.write(target, true, temp -> {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        text.writeTo(out);
      }
    });
  }

  /** Writes a file's bytes, without closing the stream. */
  @FunctionalInterface
  interface Bytes {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code bytes}, already encoded (UTF-8), to {@code target} as they come, replacing an
   * existing file: as {@link #write(Path, Text)}, for text stored encoded (a cached result).
   *
   * @throws IOException as {@link #write(Path, Text)}
   */
  static void write(Path target, Bytes bytes) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
        bytes.writeTo(out);
      }
      return;
    }
    AtomicOutput.write(target, true, temp -> {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        bytes.writeTo(out);
      }
    });
  }

  /**
   * E0501: {@code target} cannot be written, with the reason in a user's words and {@code help}
   * (what the option that named the path must name) as the hint.
   */
  static DiagnosticException cannotWrite(Path target, IOException e, String help) {
    return new DiagnosticException(Diagnostic.error(
        "E0501", "cannot write '" + target + "': " + reason(e), "help: " + help));
  }

  /**
   * E0736: the temporary file that holds {@code what} (the bundle's files, a long script's
   * segments) while it is made cannot be made, written or read in {@code java.io.tmpdir}.
   */
  static DiagnosticException temporaryFile(String what, IOException e) {
    String directory = System.getProperty("java.io.tmpdir");
    return new DiagnosticException(Diagnostic.error("E0736", "cannot keep " + what + " in a"
            + " temporary file in '" + directory + "': " + reason(e),
        "help: make room in " + directory + ", or name another directory with"
            + " JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR"));
  }

  /**
   * What went wrong with a path, in the words a user needs (the JDK's messages are a bare path);
   * also used by {@code verify} and the bundle for files they read.
   */
  static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such directory";
      case AccessDeniedException denied -> "permission denied";
      case FileSystemException other when other.getReason() != null -> other.getReason();
      default -> String.valueOf(e.getMessage());
    };
  }
}

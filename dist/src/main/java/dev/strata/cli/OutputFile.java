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
import java.util.List;

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
   * E0505: refuses an output path ({@code -o}) that would replace or write into what strata reads
   * or runs in, even with {@code --force}: the working directory or a folder that holds it, the
   * versions directory {@code versions} or a folder that holds it, or a path inside the versions
   * directory (a script there is read as a revision file by the next run; a bundle written over
   * it with {@code --force} would delete the revisions it was made from). Links are followed up to
   * the path's own name, as a write resolves them (a link at {@code target} is replaced itself).
   *
   * @param example a path to suggest instead, as the command's user would write it
   */
  static void requireOutsideSources(Path target, Path versions, String example)
      throws DiagnosticException {
    Path located = AtomicOutput.located(target);
    String problem = null;
    if (located.getParent() == null) {
      problem = "is the root of the file system";
    } else if (AtomicOutput.holdsWorkingDirectory(located)) {
      problem = AtomicOutput.real(Path.of("")).equals(located) ? "is the working directory"
          : "holds the working directory";
    } else {
      for (Path source : List.of(AtomicOutput.located(versions), AtomicOutput.real(versions))) {
        if (source.equals(located)) {
          problem = "is the versions directory";
        } else if (source.startsWith(located)) {
          problem = "holds the versions directory '" + versions + "'";
        } else if (located.startsWith(source)) {
          problem = "is inside the versions directory '" + versions
              + "', whose .sql files strata reads as revisions";
        }
        if (problem != null) {
          break;
        }
      }
    }
    if (problem != null) {
      throw new DiagnosticException(Diagnostic.error("E0505",
          "-o '" + target + "' " + problem + ": strata never writes there, even with --force",
          "help: name a new path outside the versions directory, e.g. -o " + example));
    }
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
    if (e instanceof org.apache.commons.io.IOExceptionList list && !list.getCauseList().isEmpty()
        && list.getCause(0) instanceof IOException first) {
      return reason(first); // commons-io's writers gather failures: the first one is the reason
    }
    if (e instanceof org.apache.commons.io.IOIndexedException indexed
        && indexed.getCause() instanceof IOException cause) {
      return reason(cause);
    }
    return switch (e) {
      case NoSuchFileException missing -> "no such directory";
      case AccessDeniedException denied -> "permission denied";
      case FileSystemException other when other.getReason() != null -> other.getReason();
      default -> String.valueOf(e.getMessage());
    };
  }
}

package dev.strata.cli;

import dev.strata.compiler.BuildStamp;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.apache.commons.io.output.CountingOutputStream;
import org.apache.commons.io.output.ProxyWriter;
import org.apache.commons.io.output.TeeWriter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The cache of whole command results, so that a command run again on unchanged inputs (every CI
 * run that keeps the cache folder, a release engineer re-running {@code upgrade}) prints what it
 * printed before, byte for byte, without parsing, replaying or rendering: an <em>action cache</em>
 * as build tools keep one (Bazel's action cache, Gradle's build cache), next to {@link
 * dev.strata.compiler.ParseCache}, which serves a run whose inputs changed. Used by {@code
 * upgrade} and {@code downgrade} ({@link ScriptCommand}) and {@code check} ({@link CheckCommand}).
 *
 * <p><b>The key</b> is every input the result is a function of: strata's version and the {@link
 * BuildStamp} of the code that parses, replays and renders (strata's modules, jOOQ, Vavr, ANTLR,
 * picocli, Jackson), the Java runtime's version, the command's name, the value of every option
 * and parameter as the command sees it (after {@code strata.toml} and {@code STRATA_*} defaults),
 * the working directory, the text of the configuration file in use, the versions directory's
 * absolute path, its listing, and the exact bytes of each of its regular files (revisions, {@code
 * strata.sum}, anything else). A command that reads a live database ({@code --from-db}) is never
 * cached; a run that fails is never stored.
 *
 * <p><b>The layout:</b> one file per <em>slot</em>, {@code result-<32 hex>.bin} in the cache
 * folder, the slot being the SHA-256 of the key without the directory's contents: a versions
 * directory that changes replaces its slot's entry, and each command line keeps its own. A file
 * holds the magic {@code STRATA-RESULT\r\n\x1a\n}, the format, the 32-byte SHA-256 of the whole
 * key, the {@link DirectorySnapshot} the key was made from (each file's status and digest, so that
 * the next run reads only the files whose status changed), the standard output and the standard
 * error of the run (UTF-8), their lengths (two big-endian longs), and a CRC-32C of every byte
 * before it. An entry whose magic, format, key, lengths or checksum do not match is a miss, never
 * an error and never a different result; it is rewritten by the run that misses (to a temporary
 * file in the same folder, then renamed over the old one, so a reader sees one whole entry or the
 * other), unless a file of the directory changed while that run read it. The folder keeps the
 * {@value #KEPT} most recently used entries. A folder that cannot be written leaves the run
 * uncached, silently. The folder is trusted as the user's own files are:
 * whoever can write it can make strata print anything, as with the parse cache.
 */
final class ResultCache {
  /** How many entries the folder keeps (the most recently used): each is a whole script. */
  static final int KEPT = 16;

  /**
   * The classes whose code locations make up the {@link BuildStamp} part of the key: one per
   * strata module and per library a result depends on, found as resources so that none loads.
   */
  private static final List<String> CODE = List.of(
      "dev.strata.cli.ScriptCommand",
      "dev.strata.dialects.Renderer",
      "dev.strata.compiler.ParseCache",
      "dev.strata.grammar.RevisionFileParser",
      "org.jooq.DSL",
      "io.vavr.collection.HashMap",
      "org.antlr.v4.runtime.Parser",
      "picocli.CommandLine",
      "com.fasterxml.jackson.dataformat.toml.TomlMapper");

  private final Path folder;
  private final Path entry;
  private final Path directory;
  private final byte[] slot;
  /** The directory as {@link #lookup} read it, for {@link #store}; null before. */
  private DirectorySnapshot snapshot;

  private ResultCache(Path folder, Path entry, Path directory, byte[] slot) {
    this.folder = folder;
    this.entry = entry;
    this.directory = directory;
    this.slot = slot;
  }

  /**
   * The slot of the running command line, in the folder of the parse cache ({@link
   * ReadOptions#cache}: none with {@code --no-cache}), with the configuration file and working
   * directory of its {@link ConfigDefaults}.
   *
   * @param spec the running command
   * @param source its {@code --versions} and cache options
   */
  static Optional<ResultCache> forCommand(CommandSpec spec, ReadOptions source) {
    Optional<String> configuration = Optional.empty();
    Path workingDirectory = Path.of("");
    if (spec.root().defaultValueProvider() instanceof ConfigDefaults defaults) {
      configuration = defaults.file().map(file -> file.path() + "\n" + file.source().text());
      workingDirectory = defaults.environment().workingDirectory();
    }
    return open(source.cache(spec).directory(), spec, source.versions, configuration,
        workingDirectory);
  }

  /**
   * The slot of the command {@code spec} over {@code versions}, in {@code folder}; empty when there
   * is no folder (no cache), or when the versions directory cannot be read (the run then reports
   * that itself).
   *
   * @param folder the cache folder ({@link ReadOptions#cache}'s), empty for none
   * @param spec the running command, whose options' and parameters' values are read
   * @param versions the versions directory
   * @param configuration the text of the configuration file in use, empty for none
   * @param workingDirectory the directory relative paths were given against
   */
  static Optional<ResultCache> open(Optional<Path> folder, CommandSpec spec, Path versions,
      Optional<String> configuration, Path workingDirectory) {
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest slot = DirectorySnapshot.sha256();
    Path directory = versions.toAbsolutePath().normalize();
    update(slot, "format", Integer.toString(ResultEntry.FORMAT));
    update(slot, "strata", ToolVersion.get());
    update(slot, "code", BuildStamp.of(ResultCache.class.getClassLoader(), CODE));
    update(slot, "java", Runtime.version().toString());
    update(slot, "command", spec.qualifiedName());
    for (ArgSpec arg : spec.args()) {
      String name = arg.isOption() ? ((picocli.CommandLine.Model.OptionSpec) arg).longestName()
          : arg.paramLabel();
      update(slot, "arg " + name, String.valueOf(arg.<Object>getValue()));
    }
    update(slot, "cwd", workingDirectory.toAbsolutePath().toString());
    update(slot, "process cwd", Path.of("").toAbsolutePath().toString());
    update(slot, "config", configuration.orElse("\u0000none"));
    update(slot, "versions", directory.toString());
    byte[] slotDigest = slot.digest();
    String name = "result-" + HexFormat.of().formatHex(slotDigest, 0, 16) + ".bin";
    return Optional.of(new ResultCache(folder.get(), folder.get().resolve(name), directory,
        slotDigest));
  }

  /** What a command prints from a stored result: its standard output (the error is printed first). */
  @FunctionalInterface
  interface Replay {
    void print(ResultEntry.Hit stored) throws Exception;
  }

  /**
   * A command's own run, on a miss: it writes its standard output through {@code teeOut} (which
   * copies it into the entry being stored) and its diagnostics to {@code err}, and returns its
   * exit code.
   */
  @FunctionalInterface
  interface Run {
    int run(UnaryOperator<Writer> teeOut, PrintWriter err) throws Exception;
  }

  /**
   * Runs a command through the results cache, as every cached command does: on a hit, prints the
   * stored standard error to {@code err}, then the output by {@code replay}, and returns {@link
   * Main#OK}; otherwise runs {@code run}, copying what it prints into a new entry that is stored
   * when it exits {@link Main#OK}, and returns its exit code. With no cache, just {@code run}.
   */
  static int serve(Optional<ResultCache> cache, PrintWriter err, Replay replay, Run run)
      throws Exception {
    Optional<ResultEntry.Hit> hit = cache.flatMap(ResultCache::lookup);
    if (hit.isPresent()) {
      try (ResultEntry.Hit stored = hit.get()) {
        err.print(stored.err());
        err.flush();
        replay.print(stored);
      }
      return Main.OK;
    }
    Optional<Store> store = cache.flatMap(ResultCache::store);
    try {
      StringWriter warnings = new StringWriter();
      PrintWriter teeErr = store.isEmpty() ? err : new PrintWriter(new TeeWriter(err, warnings));
      int exit = run.run(out -> store.isEmpty() ? out : store.get().tee(out), teeErr);
      teeErr.flush();
      if (exit == Main.OK) {
        store.ifPresent(entry -> entry.commit(warnings.toString()));
      }
      return exit;
    } finally {
      store.ifPresent(Store::close);
    }
  }

  /** The entry's file (for tests). */
  Path entry() {
    return entry;
  }

  /** The whole key: the slot's digest and the directory's contents ({@link DirectorySnapshot}). */
  private byte[] key(DirectorySnapshot contents) {
    MessageDigest whole = DirectorySnapshot.sha256();
    whole.update(slot);
    whole.update(contents.digest());
    return whole.digest();
  }

  /**
   * The stored result of this key, when the slot's entry is whole and of this key; empty otherwise
   * (a miss), also when the versions directory cannot be read. The entry stays open in the
   * returned {@link ResultEntry.Hit}, so that a run that replaces it meanwhile cannot change what is read.
   */
  Optional<ResultEntry.Hit> lookup() {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(entry, StandardOpenOption.READ);
    } catch (IOException | RuntimeException e) {
      // no entry yet
    }
    Optional<ResultEntry.Header> header =
        channel == null ? Optional.empty() : ResultEntry.Header.read(channel);
    snapshot = DirectorySnapshot.read(directory, header.map(ResultEntry.Header::snapshot)).orElse(null);
    try {
      if (snapshot == null || header.isEmpty()
          || !Arrays.equals(header.get().key(), key(snapshot))) {
        close(channel);
        return Optional.empty();
      }
      Optional<ResultEntry.Hit> hit = ResultEntry.Hit.of(channel, header.get().length());
      if (hit.isEmpty()) {
        close(channel);
        return Optional.empty();
      }
      try {
        // the last use, for prune(): the least recently used entries go first
        Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
      } catch (IOException | RuntimeException e) {
        // a read-only cache still serves
      }
      return hit;
    } catch (RuntimeException e) {
      close(channel);
      return Optional.empty();
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // a miss either way
      }
    }
  }

  /**
   * Starts a new entry for this key in a temporary file, after a {@link #lookup} that missed: the
   * run writes its standard output through {@link Store#tee}, then {@link Store#commit}s it with
   * its standard error, or {@link Store#close} drops it. Empty when the folder cannot be written or
   * the directory could not be read.
   */
  Optional<Store> store() {
    if (snapshot == null) {
      return Optional.empty();
    }
    try {
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, "result-", ".tmp");
      try {
        return Optional.of(new Store(temp, snapshot));
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An entry being written; see {@link #store()}. Never throws: a failure abandons the entry. */
  final class Store implements AutoCloseable {
    private final Path temp;
    private final DirectorySnapshot read;
    private final CRC32C crc = new CRC32C();
    private final CountingOutputStream counted;
    private final CheckedOutputStream stream;
    private final Writer out;
    private final long headerLength;
    private boolean failed;
    private boolean done;

    private Store(Path temp, DirectorySnapshot read) throws IOException {
      this.temp = temp;
      this.read = read;
      this.counted = new CountingOutputStream(
          new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
      this.stream = new CheckedOutputStream(counted, crc);
      DataOutputStream header = new DataOutputStream(stream);
      header.write(ResultEntry.MAGIC);
      header.writeInt(ResultEntry.FORMAT);
      header.write(key(read));
      read.encode(header);
      header.flush();
      this.headerLength = counted.getByteCount();
      this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    /**
     * A writer that sends everything to {@code primary} and a copy to this entry; a failure on
     * the copy's side abandons the entry and never reaches {@code primary}'s caller.
     */
    Writer tee(Writer primary) {
      return new TeeWriter(primary, new ProxyWriter(out) {
        @Override
        protected void handleIOException(IOException e) {
          failed = true;
        }
      });
    }

    /**
     * Completes the entry with {@code err} and renames it into its slot, unless a file of the
     * directory changed since it was read (then the output may be of other bytes than the key
     * says); silently, as always.
     */
    void commit(String err) {
      if (failed || done) {
        close();
        return;
      }
      try {
        out.flush();
        long outLength = counted.getByteCount() - headerLength;
        byte[] errBytes = err.getBytes(StandardCharsets.UTF_8);
        stream.write(errBytes);
        stream.write(ByteBuffer.allocate(16).putLong(outLength).putLong(errBytes.length).array());
        stream.flush();
        counted.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        counted.close();
        done = true;
        if (!read.unchangedIn(directory)) {
          close();
          return;
        }
        try {
          Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING);
        }
        prune();
      } catch (IOException | RuntimeException e) {
        close();
      }
    }

    /** Drops the entry (when not committed); idempotent. */
    @Override
    public void close() {
      done = true;
      try {
        counted.close();
      } catch (IOException | RuntimeException ignored) {
        // being dropped
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException | RuntimeException ignored) {
        // a stray temporary file is harmless: never read
      }
    }
  }

  /**
   * Keeps the cache folder bounded: the {@link #KEPT} most recently used entries stay (a hit
   * touches its entry's modification time), older ones are deleted, and so are temporary files of
   * runs that died more than an hour ago. Silently, as everything here.
   */
  private void prune() {
    List<Path> entries = new ArrayList<>();
    Instant stale = Instant.now().minus(Duration.ofHours(1));
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith("result-") && name.endsWith(".bin")) {
          entries.add(file);
        } else if (name.startsWith("result-") && name.endsWith(".tmp")
            && Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
          Files.deleteIfExists(file);
        }
      }
      if (entries.size() <= KEPT) {
        return;
      }
      Map<Path, FileTime> used = new HashMap<>();
      for (Path file : entries) {
        used.put(file, Files.getLastModifiedTime(file));
      }
      entries.sort(Comparator.comparing((Path file) -> used.get(file)).reversed());
      for (Path old : entries.subList(KEPT, entries.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException | RuntimeException e) {
      // a folder that cannot be listed or pruned stays as it is
    }
  }

  private static void update(MessageDigest digest, String name, String value) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(8).putInt(n.length).putInt(v.length).array());
    digest.update(n);
    digest.update(v);
  }
}

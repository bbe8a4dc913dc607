package dev.strata.compiler;

import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.RevisionFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * The on-disk cache of parsed revision files, so that a run over an unchanged versions directory
 * (every command after the first, every CI run that keeps the cache folder) parses only the files
 * that changed. {@link VersionsLoader#read(Path, ParseCache)} is its only user; {@link #none()}
 * turns it off.
 *
 * <p>One <em>pack</em> file per versions directory, in the cache {@link #directory()}: {@code
 * parse-<32 hex>.bin}, named by the SHA-256 of the directory's absolute path. It holds, per
 * revision file that parsed, the file's name, its exact bytes and its syntax tree ({@link
 * AstCodec}). A file is a hit when the pack holds an entry of its name with exactly its bytes (the
 * content itself is the key, compared in full: no hash collision can give a stale tree); any other
 * file is parsed. Problems found after parsing ({@link DowngradeRules#problems}, the {@code --
 * +todo} marks) are computed from the tree either way, and files that do not parse are never
 * stored, so diagnostics are those of a run without the cache.
 *
 * <p>Nothing in a pack is trusted. The header holds a magic number, the format version, and a key:
 * strata's version, the {@link AstCodec#FINGERPRINT fingerprint} of the syntax tree's declarations,
 * and the {@link BuildStamp} of the parser's and this class's code (a jar's size and time, or every class file of a folder), so that a
 * development build that changed the parser does not read an older build's trees. Each entry ends
 * with a CRC-32C of its bytes, and decodes ({@link AstDecoder}, generated) through the tree's canonical constructors, choosing
 * among the tree's own classes only. A pack that is missing, foreign, of another version or
 * damaged (truncated, flipped bytes) is ignored as a whole or per entry, and rewritten: never an
 * error, never a different result. No option changes how a file parses, so none is part of the
 * key.
 *
 * <p>A pack is rewritten (to a temporary file in the same folder, then renamed over the old one)
 * when an entry was missing, damaged or unused; concurrent runs each write their own temporary
 * file and the last rename wins, so a reader sees one whole pack or the other. Neither pack is
 * ever whole in memory: the old one is read entry by entry as files are looked up, and each
 * parsed file's entry goes to a spool file as soon as it is made; the new pack is then written
 * entry by entry in file-name order, so that the same files always make the same bytes. A folder
 * that cannot be created or written leaves the run uncached, silently.
 */
public final class ParseCache {
  /** The first bytes of a pack. */
  private static final byte[] MAGIC = "STRATA-PARSE\r\n\u001a\n".getBytes(StandardCharsets.US_ASCII);
  /** The layout of a pack; changed whenever the layout or {@link AstCodec}'s encoding changes. */
  private static final int FORMAT = 1;

  private final Optional<Path> directory;
  private final String toolVersion;

  private ParseCache(Optional<Path> directory, String toolVersion) {
    this.directory = directory;
    this.toolVersion = toolVersion;
  }

  /** No cache: every file is parsed, nothing is written. */
  public static ParseCache none() {
    return new ParseCache(Optional.empty(), "");
  }

  /**
   * A cache in {@code directory} (created when first written), for strata {@code toolVersion}.
   *
   * @param toolVersion strata's version, part of every pack's key
   */
  public static ParseCache in(Path directory, String toolVersion) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(toolVersion, "toolVersion");
    return new ParseCache(Optional.of(directory), toolVersion);
  }

  /**
   * The default cache folder: {@code $XDG_CACHE_HOME/strata} when that variable is set to an
   * absolute path, else {@code $HOME/.cache/strata} when {@code HOME} is set, else empty (no
   * cache).
   *
   * @param variables the environment variables
   */
  public static Optional<Path> defaultDirectory(Map<String, String> variables) {
    String xdg = variables.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Optional.of(Path.of(xdg, "strata"));
    }
    String home = variables.get("HOME");
    if (home != null && !home.isEmpty()) {
      return Optional.of(Path.of(home, ".cache", "strata"));
    }
    return Optional.empty();
  }

  /** The cache folder; empty for {@link #none()}. */
  public Optional<Path> directory() {
    return directory;
  }

  /** The pack of {@code versions} in this cache; empty for {@link #none()}. */
  public Optional<Path> pack(Path versions) {
    return directory.map(d -> d.resolve("parse-" + sha256(
        versions.toAbsolutePath().normalize().toString()).substring(0, 32) + ".bin"));
  }

  /** What a {@link Session} found: files served from the pack and files parsed. */
  public record Stats(int hits, int misses, boolean written) {}

  /** Opens the pack of {@code versions} (for one {@link VersionsLoader#read}). */
  Session open(Path versions) {
    return new Session(pack(versions));
  }

  /**
   * One use of a pack: {@link #lookup} and {@link #store} from any thread while files load, then
   * {@link #close} once, which rewrites the pack when it changed (or {@link #abandon}, which does
   * not). A pack that does not read is treated as empty. The pack is held open and read entry by
   * entry as files are looked up, never whole in memory (at 100,000 revisions it is about 130 MB,
   * which the serial collector would keep in its old generation for the rest of the run); a pack
   * renamed over it meanwhile by another run does not change what this session reads.
   */
  final class Session {
    private final Optional<Path> pack;
    /** The pack as opened; null when there is none or its header is not this run's. */
    private final FileChannel channel;
    /** Entry name to where its bytes are in the pack, CRC not yet checked. */
    private final Map<String, Entry> entries;
    /** The files parsed and stored in this session, by name: where their entries are spooled. */
    private final Map<String, Entry> stored = new ConcurrentHashMap<>();
    /**
     * The entries of the files parsed, each written as soon as it is made, so that none waits in
     * memory for the end of loading; null before the first store.
     */
    private Spool spool;
    /** Whether spooling failed: no new pack is written. */
    private boolean unwritable;
    private final Map<String, Boolean> hits = new ConcurrentHashMap<>();
    private final AtomicInteger misses = new AtomicInteger();
    private boolean written;

    /**
     * Where an entry's bytes are.
     *
     * @param start the pack offset of the entry's bytes (after its length)
     * @param length their length, the CRC-32C's four bytes not included
     */
    private record Entry(long start, int length) {}

    private Session(Optional<Path> pack) {
      this.pack = pack;
      FileChannel opened = null;
      Map<String, Entry> index = null;
      if (pack.isPresent()) {
        try {
          opened = FileChannel.open(pack.get(), StandardOpenOption.READ);
          index = index(opened);
        } catch (IOException | RuntimeException e) {
          index = null;
        }
        if (index == null) {
          closeQuietly(opened);
          opened = null;
        }
      }
      this.channel = opened;
      this.entries = index == null ? Map.of() : index;
    }

    /**
     * The entries of a pack with this run's header, read once from start to end through a buffer
     * (names and offsets only, the contents skipped); null when the header is not ours.
     */
    private Map<String, Entry> index(FileChannel in) throws IOException {
      long size = in.size();
      byte[] header = header();
      if (size < header.length + 4) {
        return null;
      }
      // not closed: closing the stream would close the channel, which lookups read
      DataInputStream data = new DataInputStream(
          new BufferedInputStream(Channels.newInputStream(in.position(0)), 1 << 16));
      byte[] read = new byte[header.length];
      data.readFully(read);
      if (!Arrays.equals(read, header)) {
        return null;
      }
      int count = data.readInt();
      if (count < 0) {
        return null;
      }
      long position = header.length + 4;
      Map<String, Entry> index = HashMap.newHashMap((int) Math.min(count, size / 16));
      for (int i = 0; i < count; i++) {
        // entry: length, name length, name, content length, content, tree..., then CRC-32C
        if (size - position < 8) {
          return index;
        }
        int length = data.readInt();
        long start = position + 4;
        if (length < 8 || length > size - start - 4) {
          return index;
        }
        int nameLength = data.readInt();
        if (nameLength < 0 || nameLength > length - 8) {
          return index;
        }
        byte[] name = new byte[nameLength];
        data.readFully(name);
        index.put(new String(name, StandardCharsets.UTF_8), new Entry(start, length));
        data.skipNBytes(length - 4L - nameLength + 4);
        position = start + length + 4;
      }
      return index;
    }

    /**
     * The tree of {@code source} from the pack, when it holds an entry named {@code name} with
     * exactly {@code bytes} whose checksum and tree are sound; empty otherwise (then the caller
     * parses and {@link #store stores}).
     */
    Optional<RevisionFile> lookup(String name, byte[] bytes, SourceFile source) {
      Entry entry = entries.get(name);
      if (entry == null) {
        misses.incrementAndGet();
        return Optional.empty();
      }
      byte[] data;
      try {
        data = read(channel, entry.start(), entry.length() + 4);
      } catch (IOException | RuntimeException e) {
        misses.incrementAndGet();
        return Optional.empty();
      }
      int length = entry.length();
      ByteBuffer in = ByteBuffer.wrap(data);
      int nameLength = in.getInt();
      in.position(4 + nameLength);
      int contentLength = in.getInt();
      int contentStart = in.position();
      int treeStart = contentStart + contentLength;
      if (contentLength != bytes.length || treeStart > length
          || !Arrays.equals(data, contentStart, treeStart, bytes, 0, bytes.length)) {
        misses.incrementAndGet();
        return Optional.empty();
      }
      CRC32C crc = new CRC32C();
      crc.update(data, 0, length);
      if ((int) crc.getValue() != ByteBuffer.wrap(data, length, 4).getInt()) {
        misses.incrementAndGet();
        return Optional.empty();
      }
      try {
        RevisionFile file = AstInput.decode(source, data, treeStart, length - treeStart);
        hits.put(name, Boolean.TRUE);
        return Optional.of(file);
      } catch (AstInput.Damaged damaged) {
        misses.incrementAndGet();
        return Optional.empty();
      }
    }

    /** Remembers the parsed tree of file {@code name} with content {@code bytes}. */
    void store(String name, byte[] bytes, RevisionFile file) {
      if (pack.isEmpty()) {
        return;
      }
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      byte[] tree = AstOutput.encode(file);
      int length = 4 + nameBytes.length + 4 + bytes.length + tree.length;
      ByteBuffer out = ByteBuffer.allocate(4 + length + 4);
      out.putInt(length).putInt(nameBytes.length).put(nameBytes).putInt(bytes.length).put(bytes)
          .put(tree);
      CRC32C crc = new CRC32C();
      crc.update(out.array(), 4, length);
      out.putInt((int) crc.getValue());
      spool(name, out.array());
    }

    /** Appends one entry to the spool, started when first needed; a failure abandons the pack. */
    private synchronized void spool(String name, byte[] entry) {
      if (unwritable) {
        return;
      }
      try {
        if (spool == null) {
          spool = new Spool(pack.get().getParent());
        }
        stored.put(name, new Entry(spool.append(entry) + 4, entry.length - 8));
      } catch (IOException | RuntimeException e) {
        unwritable = true;
      }
    }

    /**
     * Ends the session: when any file of {@code names} (the directory's revision files, in order)
     * was parsed, or the pack holds other entries, writes a new pack of the entries of {@code
     * names} that were served or stored. Never throws: a pack that cannot be written is left as it
     * was.
     */
    Stats close(List<String> names) {
      try {
        int served = hits.size();
        // a miss that parsed was stored; one that did not parse is never stored
        boolean current = channel != null && stored.isEmpty() && entries.size() == served;
        if (pack.isPresent() && !current) {
          written = write(names);
        }
        return new Stats(served, misses.get(), written);
      } finally {
        abandon();
      }
    }

    /**
     * Ends the session without writing (loading failed): releases the pack and deletes the new
     * one begun. Idempotent.
     */
    synchronized void abandon() {
      closeQuietly(channel);
      if (spool != null) {
        spool.delete();
        spool = null;
      }
      unwritable = true;
    }

    /**
     * Writes the new pack: the entries of {@code names} that were stored (from the spool) or
     * served (from the old pack), in the order of {@code names}, into a temporary file renamed over
     * the old pack.
     */
    private synchronized boolean write(List<String> names) {
      if (unwritable) {
        return false;
      }
      Path target = pack.get();
      Path temporary = null;
      try {
        FileChannel spooled = spool == null ? null : spool.finish();
        int count = 0;
        for (String name : names) {
          if (stored.containsKey(name) || hits.containsKey(name)) {
            count++;
          }
        }
        Files.createDirectories(target.getParent());
        temporary = Files.createTempFile(target.getParent(), ".parse-", ".tmp");
        try (DataOutputStream out = new DataOutputStream(
            new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
          out.write(header());
          out.writeInt(count);
          for (String name : names) {
            Entry made = stored.get(name);
            if (made != null) {
              out.write(read(spooled, made.start() - 4, 4 + made.length() + 4));
            } else if (hits.containsKey(name)) {
              Entry entry = entries.get(name);
              out.write(read(channel, entry.start() - 4, 4 + entry.length() + 4));
            }
          }
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        return true;
      } catch (IOException | RuntimeException e) {
        if (temporary != null) {
          try {
            Files.deleteIfExists(temporary);
          } catch (IOException ignored) {
            // a stray temporary file in the cache folder harms nothing
          }
        }
        return false;
      }
    }
  }

  /**
   * {@code count} bytes of {@code file} from {@code offset} (a positional read: thread-safe).
   *
   * @throws EOFException when the file ends first
   */
  private static byte[] read(FileChannel file, long offset, int count) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(count);
    long at = offset;
    while (out.hasRemaining()) {
      int n = file.read(out, at);
      if (n < 0) {
        throw new EOFException("the file ends early");
      }
      at += n;
    }
    return out.array();
  }

  /**
   * The entries of the files a session parsed, in a temporary file of the cache folder, in the
   * order they were made: appended as they come, read back by offset when the new pack is written
   * ({@link Session#write}), then deleted.
   */
  private static final class Spool {
    private final Path file;
    private final OutputStream out;
    private FileChannel reader;
    private long size;

    Spool(Path folder) throws IOException {
      Files.createDirectories(folder);
      this.file = Files.createTempFile(folder, ".parse-", ".tmp");
      try {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    }

    /** Appends {@code entry}; returns its offset in the spool. */
    long append(byte[] entry) throws IOException {
      long at = size;
      out.write(entry);
      size += entry.length;
      return at;
    }

    /** Ends appending; the spool, open for reading. */
    FileChannel finish() throws IOException {
      out.close();
      reader = FileChannel.open(file, StandardOpenOption.READ);
      return reader;
    }

    /** Closes and deletes the spool; a stray temporary file would harm nothing. */
    void delete() {
      try {
        out.close();
      } catch (IOException | RuntimeException ignored) {
        // deleted below
      }
      closeQuietly(reader);
      try {
        Files.deleteIfExists(file);
      } catch (IOException | RuntimeException ignored) {
        // harmless
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // read-only: nothing to lose
      }
    }
  }

  /** Magic, format, and the key of this build (see the class comment). */
  private byte[] header() {
    String key = toolVersion + "\n" + AstDecoder.FINGERPRINT + "\n" + Stamp.VALUE;
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(MAGIC.length + 8 + keyBytes.length)
        .put(MAGIC).putInt(FORMAT).putInt(keyBytes.length).put(keyBytes).array();
  }

  /** The stamp of the parser's and the cache's code ({@link BuildStamp}), once per process. */
  private static final class Stamp {
    static final String VALUE =
        BuildStamp.of(ParseCache.class.getClassLoader(),
        List.of("dev.strata.grammar.RevisionFileParser", ParseCache.class.getName()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}

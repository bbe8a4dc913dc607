package dev.strata.compiler;

import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * file and the last rename wins, so a reader sees one whole pack or the other. A folder that
 * cannot be created or written leaves the run uncached, silently.
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
   * {@link #close} once, which rewrites the pack when it changed. A pack that does not read is
   * treated as empty.
   */
  final class Session {
    private final Optional<Path> pack;
    private final byte[] data;
    /** Entry name to {offset of the entry's bytes, their length}, CRC not yet checked. */
    private final Map<String, int[]> entries;
    private final boolean headerValid;
    private final Map<String, byte[]> fresh = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hits = new ConcurrentHashMap<>();
    private final AtomicInteger misses = new AtomicInteger();
    private boolean written;

    private Session(Optional<Path> pack) {
      this.pack = pack;
      byte[] read = null;
      if (pack.isPresent()) {
        try {
          read = Files.readAllBytes(pack.get());
        } catch (IOException | OutOfMemoryError e) {
          read = null;
        }
      }
      this.data = read;
      Map<String, int[]> index = read == null ? null : index(read);
      this.headerValid = index != null;
      this.entries = index == null ? Map.of() : index;
    }

    /** The entries of a pack with this run's header; null when the header is not ours. */
    private Map<String, int[]> index(byte[] bytes) {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte[] header = header();
      if (bytes.length < header.length + 4
          || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
        return null;
      }
      in.position(header.length);
      int count = in.getInt();
      if (count < 0) {
        return null;
      }
      Map<String, int[]> index = HashMap.newHashMap(Math.min(count, bytes.length / 16));
      for (int i = 0; i < count; i++) {
        // entry: length, name length, name, content length, content, tree..., then CRC-32C
        if (in.remaining() < 8) {
          return index;
        }
        int length = in.getInt();
        int start = in.position();
        if (length < 8 || length > in.remaining() - 4) {
          return index;
        }
        int nameLength = in.getInt();
        if (nameLength < 0 || nameLength > length - 8) {
          return index;
        }
        String name = new String(bytes, start + 4, nameLength, StandardCharsets.UTF_8);
        index.put(name, new int[] {start, length});
        in.position(start + length + 4);
      }
      return index;
    }

    /**
     * The tree of {@code source} from the pack, when it holds an entry named {@code name} with
     * exactly {@code bytes} whose checksum and tree are sound; empty otherwise (then the caller
     * parses and {@link #store stores}).
     */
    Optional<RevisionFile> lookup(String name, byte[] bytes, SourceFile source) {
      int[] entry = entries.get(name);
      if (entry == null) {
        misses.incrementAndGet();
        return Optional.empty();
      }
      int start = entry[0];
      int length = entry[1];
      ByteBuffer in = ByteBuffer.wrap(data, start, length + 4);
      int nameLength = in.getInt();
      in.position(start + 4 + nameLength);
      int contentLength = in.getInt();
      int contentStart = in.position();
      int treeStart = contentStart + contentLength;
      int end = start + length;
      if (contentLength != bytes.length || treeStart > end
          || !Arrays.equals(data, contentStart, treeStart, bytes, 0, bytes.length)) {
        misses.incrementAndGet();
        return Optional.empty();
      }
      CRC32C crc = new CRC32C();
      crc.update(data, start, length);
      if ((int) crc.getValue() != ByteBuffer.wrap(data, end, 4).getInt()) {
        misses.incrementAndGet();
        return Optional.empty();
      }
      try {
        RevisionFile file = AstInput.decode(source, data, treeStart, end - treeStart);
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
      fresh.put(name, out.array());
    }

    /**
     * Ends the session: when any file of {@code names} (the directory's revision files, in order)
     * was parsed, or the pack holds other entries, writes a new pack of the entries of {@code
     * names} that were served or stored. Never throws: a pack that cannot be written is left as it
     * was.
     */
    Stats close(List<String> names) {
      int served = hits.size();
      // a miss that parsed was stored; one that did not parse is never stored
      boolean current = headerValid && fresh.isEmpty() && entries.size() == served;
      if (pack.isPresent() && !current) {
        written = write(names);
      }
      return new Stats(served, misses.get(), written);
    }

    private boolean write(List<String> names) {
      Path target = pack.get();
      Path temporary = null;
      try {
        Files.createDirectories(target.getParent());
        temporary = Files.createTempFile(target.getParent(), ".parse-", ".tmp");
        byte[] header = header();
        int count = 0;
        long size = header.length + 4;
        for (String name : names) {
          byte[] made = fresh.get(name);
          if (made != null) {
            count++;
            size += made.length;
          } else if (hits.containsKey(name)) {
            count++;
            size += 4 + entries.get(name)[1] + 4;
          }
        }
        if (size > Integer.MAX_VALUE - 16) {
          Files.deleteIfExists(temporary);
          return false;
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(header).putInt(count);
        for (String name : names) {
          byte[] made = fresh.get(name);
          if (made != null) {
            out.put(made);
          } else if (hits.containsKey(name)) {
            int[] entry = entries.get(name);
            out.put(data, entry[0] - 4, 4 + entry[1] + 4);
          }
        }
        Files.write(temporary, out.array());
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

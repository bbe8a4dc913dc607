package dev.strata.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@link BundleReader.Sink} of {@code strata verify}: judges each entry's name and kind as it
 * comes (no absolute path, no {@code ..}, no link or device, plain names, one top folder, no name
 * twice, not even in another case or Unicode form), and streams each file through SHA-256, keeping
 * only its size and checksum, the whole of {@code MANIFEST.json} and {@code SHA256SUMS} (at most
 * {@link #MAX_TEXT} bytes each), the {@link ScriptFacts} of each script and the {@link
 * SourceHeader} of each source. Name problems are {@link BundleProblem.Kind#ENTRY}.
 */
final class BundleContents implements BundleReader.Sink {
  /** The largest {@code MANIFEST.json} or {@code SHA256SUMS} read (16 MiB). */
  static final int MAX_TEXT = 16 * 1024 * 1024;

  /**
   * One file as read.
   *
   * @param size its length in bytes
   * @param sha256 its lowercase hex SHA-256
   * @param text its bytes, for {@code MANIFEST.json} and {@code SHA256SUMS} only
   * @param script what a script's header and preamble say, for {@code *.sql} outside {@code
   *     sources/}
   * @param source what a revision file's header says, for {@code sources/*.sql}
   */
  record FileFacts(long size, String sha256, Optional<byte[]> text, Optional<ScriptFacts> script,
      Optional<SourceHeader> source) {}

  private final ReadBudget budget;
  /** One copy buffer for every file: a bomb of tiny entries must not allocate one each. */
  private final byte[] buffer = new byte[8192];
  private final MessageDigest prototype = prototype();
  private final TreeMap<String, FileFacts> files = new TreeMap<>();
  private final Map<String, String> folded = new HashMap<>();
  private final List<String> folders = new ArrayList<>();
  private String root;

  BundleContents(ReadBudget budget) {
    this.budget = budget;
  }

  /** The top folder's name (without {@code /}); empty when nothing was read. */
  Optional<String> root() {
    return Optional.ofNullable(root);
  }

  /**
   * The files by path below the top folder, sorted, once every folder entry is known to hold a
   * file (tar and unzip would create an empty folder that no checksum covers).
   */
  SortedMap<String, FileFacts> files() throws BundleProblem {
    for (String folder : folders) {
      String inTop = EntryNames.bare(folder).substring(Math.min(folder.length() - 1,
          root.length() + 1));
      String prefix = inTop.isEmpty() ? "" : inTop + "/";
      String next = files.ceilingKey(prefix);
      if (next == null || !next.startsWith(prefix)) {
        throw new BundleProblem(BundleProblem.Kind.ENTRY, "entry " + BundleProblem.quoted(folder)
            + " is a folder that holds no file of the bundle");
      }
    }
    return Collections.unmodifiableSortedMap(files);
  }

  @Override
  public void accept(BundleReader.RawEntry entry, InputStream content)
      throws IOException, BundleProblem {
    budget.keepEntry(entry.name().length());
    String name = EntryNames.check(entry);
    String previous = folded.putIfAbsent(EntryNames.fold(name), entry.name());
    if (previous != null) {
      throw new BundleProblem(BundleProblem.Kind.ENTRY, previous.equals(entry.name())
          || EntryNames.bare(previous).equals(name)
          ? "entry " + BundleProblem.quoted(entry.name()) + " appears twice; tar and unzip"
              + " extract the last one"
          : "entries " + BundleProblem.quoted(previous) + " and "
              + BundleProblem.quoted(entry.name()) + " differ only in case or Unicode form, so"
              + " one overwrites the other on a case-insensitive file system");
    }
    int slash = name.indexOf('/');
    String top = slash < 0 ? name : name.substring(0, slash);
    if (slash < 0 && entry.kind() != BundleReader.Kind.DIRECTORY) {
      throw new BundleProblem(BundleProblem.Kind.ENTRY,
          "entry " + BundleProblem.quoted(entry.name()) + " is not inside the top folder");
    }
    if (root != null && !root.equals(top)) {
      throw new BundleProblem(BundleProblem.Kind.ENTRY, "entries in two top folders: "
          + BundleProblem.quoted(root + "/") + " and " + BundleProblem.quoted(top + "/"));
    }
    root = top;
    if (entry.kind() == BundleReader.Kind.DIRECTORY) {
      folders.add(entry.name());
    }
    if (entry.kind() == BundleReader.Kind.FILE) {
      String path = name.substring(slash + 1);
      FileFacts facts = read(path, content);
      budget.keep(2 * (facts.script().map(ScriptFacts::chars).orElse(0L)
          + facts.source().map(SourceHeader::chars).orElse(0L)));
      files.put(path, facts);
    }
  }

  /** Streams one file through SHA-256 and the reader of its kind. */
  private FileFacts read(String path, InputStream content) throws IOException, BundleProblem {
    MessageDigest sha256 = sha256();
    ScriptFacts.Scanner script = isScript(path) ? new ScriptFacts.Scanner() : null;
    SourceHeader.Scanner source = isSource(path) ? new SourceHeader.Scanner() : null;
    Capped text = path.equals(Bundle.MANIFEST) || path.equals(Bundle.SUMS) ? new Capped() : null;
    OutputStream sink = script != null ? script : source != null ? source
        : text != null ? text : OutputStream.nullOutputStream();
    long size = 0;
    try (DigestOutputStream out = new DigestOutputStream(sink, sha256)) {
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        out.write(buffer, 0, n);
        size += n;
      }
    }
    if (text != null && text.cut) {
      throw new BundleProblem(BundleProblem.Kind.TOO_LARGE, path + " is " + size + " bytes; a"
          + " strata bundle's is far smaller, and verify reads at most " + MAX_TEXT);
    }
    if (text != null) {
      budget.keep(size);
    }
    return new FileFacts(size, HexFormat.of().formatHex(sha256.digest()),
        Optional.ofNullable(text).map(ByteArrayOutputStream::toByteArray),
        Optional.ofNullable(script).map(ScriptFacts.Scanner::facts),
        Optional.ofNullable(source).map(SourceHeader.Scanner::header));
  }

  /** {@code upgrade.sql}, {@code rollback.sql} and {@code revisions/*.sql}. */
  static boolean isScript(String path) {
    return path.equals(Bundle.UPGRADE) || path.equals(Bundle.ROLLBACK)
        || path.startsWith(Bundle.REVISIONS) && path.endsWith(".sql");
  }

  /** {@code sources/*.sql}. */
  static boolean isSource(String path) {
    return path.startsWith(Bundle.SOURCES) && path.endsWith(".sql");
  }

  /** A fresh SHA-256 digest, cloned from one looked up once (the lookup costs more). */
  private MessageDigest sha256() {
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static MessageDigest prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** A byte buffer that stops growing at {@link #MAX_TEXT} bytes. */
  private static final class Capped extends ByteArrayOutputStream {
    private boolean cut;

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int room = Math.max(0, MAX_TEXT - size());
      cut |= length > room;
      super.write(bytes, offset, Math.min(length, room));
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  /** The rules for entry names. */
  static final class EntryNames {
    private static final Pattern DRIVE = Pattern.compile("(?s)[A-Za-z]:.*");
    private static final Pattern DOT_DOT = Pattern.compile("(^|[/\\\\])\\.\\.($|[/\\\\])");

    private EntryNames() {}

    /** {@code name} without a trailing {@code /}. */
    static String bare(String name) {
      return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** The name two entries must not share: case and Unicode compatibility forms folded. */
    static String fold(String name) {
      return Normalizer.normalize(bare(name), Normalizer.Form.NFKC)
          .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The entry's name without a trailing {@code /}, once it is known to be safe. */
    static String check(BundleReader.RawEntry entry) throws BundleProblem {
      String name = entry.name();
      if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
        throw entry(name, " has an absolute path");
      }
      String bare = bare(name);
      if (DOT_DOT.matcher(bare).find()) {
        throw entry(name, " has a '..' in its path, which leaves the bundle");
      }
      switch (entry.kind()) {
        case SYMLINK -> throw entry(name, " is a symbolic link; a bundle has no links");
        case HARDLINK -> throw entry(name, " is a hard link; a bundle has no links");
        case OTHER -> throw entry(name, " is neither a file nor a folder (a device or a pipe)");
        case FILE -> {
          if (name.endsWith("/")) {
            throw entry(name, " is a file whose name ends in '/', which tar and unzip extract as"
                + " a folder");
          }
        }
        case DIRECTORY -> { }
      }
      if (!Bundle.isRelativePath(bare) || !plain(bare)) {
        throw entry(name, " has an empty or '.' part, a backslash or a control character in its"
            + " path");
      }
      return bare;
    }

    /** No control character, replacement character or lone surrogate. */
    private static boolean plain(String name) {
      for (int i = 0; i < name.length(); ) {
        int c = name.codePointAt(i);
        if (Character.isISOControl(c) || c == 0xfffd
            || Character.getType(c) == Character.SURROGATE) {
          return false;
        }
        i += Character.charCount(c);
      }
      return true;
    }

    private static BundleProblem entry(String name, String problem) {
      return entry("entry " + BundleProblem.quoted(name) + problem);
    }

    private static BundleProblem entry(String message) {
      return new BundleProblem(BundleProblem.Kind.ENTRY, message);
    }
  }
}

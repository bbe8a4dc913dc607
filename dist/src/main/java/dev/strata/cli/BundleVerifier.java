package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a bundle's entries, in this order, and reports the first problem: every entry's name and
 * kind (no absolute path, no {@code ..}, no link, nothing but files and folders, one top folder),
 * then {@code SHA256SUMS} against the files (each listed file present with that checksum, no file
 * unlisted), then {@code MANIFEST.json} against the files (each listed file present with that size
 * and checksum, no file unlisted, every step's and script's checksum). The messages are listed in
 * {@code docs/bundle-format.md}.
 */
final class BundleVerifier {
  private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64})  (.+)");

  private BundleVerifier() {}

  /**
   * Verifies {@code entries} as {@link BundleReader} read them.
   *
   * @return the number of files verified
   * @throws BundleProblem naming the first problem found
   */
  static int verify(List<BundleReader.RawEntry> entries) throws BundleProblem {
    SortedMap<String, byte[]> files = files(entries);
    checkSums(files);
    checkManifest(files);
    return files.size();
  }

  /** The files by path below the one top folder, after checking every entry's name and kind. */
  private static SortedMap<String, byte[]> files(List<BundleReader.RawEntry> entries)
      throws BundleProblem {
    if (entries.isEmpty()) {
      throw new BundleProblem("the bundle is empty");
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    String root = null;
    for (BundleReader.RawEntry entry : entries) {
      String name = checkName(entry);
      if (!seen.add(name)) {
        throw new BundleProblem("entry '" + entry.name() + "' appears twice");
      }
      int slash = name.indexOf('/');
      String top = slash < 0 ? name : name.substring(0, slash);
      if (slash < 0 && entry.kind() != BundleReader.Kind.DIRECTORY) {
        throw new BundleProblem("entry '" + entry.name() + "' is not inside the top folder");
      }
      if (root != null && !root.equals(top)) {
        throw new BundleProblem("entries in two top folders: '" + root + "/' and '" + top + "/'");
      }
      root = top;
      if (entry.kind() == BundleReader.Kind.FILE) {
        files.put(name.substring(slash + 1), entry.content());
      }
    }
    return files;
  }

  /** The entry's name without a trailing {@code /}, once it is known to be safe. */
  private static String checkName(BundleReader.RawEntry entry) throws BundleProblem {
    String name = entry.name();
    String quoted = "entry '" + name + "'";
    if (name.startsWith("/") || name.startsWith("\\") || name.matches("[A-Za-z]:.*")) {
      throw new BundleProblem(quoted + " has an absolute path");
    }
    String bare = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (List.of(bare.split("[/\\\\]", -1)).contains("..")) {
      throw new BundleProblem(quoted + " has a '..' in its path, which leaves the bundle");
    }
    switch (entry.kind()) {
      case SYMLINK -> throw new BundleProblem(quoted + " is a symbolic link; a bundle has no links");
      case HARDLINK -> throw new BundleProblem(quoted + " is a hard link; a bundle has no links");
      case OTHER -> throw new BundleProblem(quoted + " is neither a file nor a folder");
      case FILE, DIRECTORY -> { }
    }
    if (!Bundle.isRelativePath(bare)) {
      throw new BundleProblem(quoted + " has an empty or '.' part, a backslash or a control"
          + " character in its path");
    }
    return bare;
  }

  /** {@code SHA256SUMS}: well formed, every listed file there with its checksum, none unlisted. */
  private static void checkSums(SortedMap<String, byte[]> files) throws BundleProblem {
    byte[] sums = files.get(Bundle.SUMS);
    if (sums == null) {
      throw new BundleProblem(Bundle.SUMS + " is missing");
    }
    Map<String, String> listed = new LinkedHashMap<>();
    String text = new String(sums, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher line = SUM_LINE.matcher(lines.get(i));
      if (!line.matches() || listed.put(line.group(2), line.group(1)) != null) {
        throw new BundleProblem(Bundle.SUMS + " line " + (i + 1)
            + " is not '<sha256>  <path>' for a new path");
      }
    }
    for (Map.Entry<String, String> sum : listed.entrySet()) {
      checkFile(files, sum.getKey(), sum.getValue(), Bundle.SUMS);
    }
    for (String path : files.keySet()) {
      if (!path.equals(Bundle.SUMS) && !listed.containsKey(path)) {
        throw new BundleProblem("'" + path + "' is not listed in " + Bundle.SUMS);
      }
    }
  }

  /** {@code MANIFEST.json}: its file list, and every step's and script's checksum. */
  private static void checkManifest(SortedMap<String, byte[]> files) throws BundleProblem {
    byte[] bytes = files.get(Bundle.MANIFEST);
    if (bytes == null) {
      throw new BundleProblem(Bundle.MANIFEST + " is missing");
    }
    JsonNode manifest = Manifest.read(bytes);
    JsonNode list = manifest.path("files");
    if (!list.isArray()) {
      throw new BundleProblem(Bundle.MANIFEST + " has no 'files' list");
    }
    Set<String> listed = new HashSet<>();
    for (JsonNode file : list) {
      String path = checkReference(files, file);
      listed.add(path);
      long size = file.path("size").asLong(-1);
      if (size != files.get(path).length) {
        throw new BundleProblem("size mismatch for '" + path + "': " + Bundle.MANIFEST + " says "
            + file.path("size") + " bytes, the file has " + files.get(path).length);
      }
    }
    for (String path : files.keySet()) {
      if (!path.equals(Bundle.SUMS) && !path.equals(Bundle.MANIFEST) && !listed.contains(path)) {
        throw new BundleProblem("'" + path + "' is not listed in " + Bundle.MANIFEST);
      }
    }
    for (JsonNode step : manifest.path("steps")) {
      for (String part : List.of("source", "up", "down")) {
        checkReference(files, step.path(part));
      }
    }
    checkReference(files, manifest.path("upgrade"));
    checkReference(files, manifest.path("rollback"));
  }

  /** A manifest object {@code {"path": ..., "sha256": ...}} that must match a file; its path. */
  private static String checkReference(SortedMap<String, byte[]> files, JsonNode reference)
      throws BundleProblem {
    String path = reference.path("path").asText("");
    String sha256 = reference.path("sha256").asText("");
    if (path.isEmpty() || sha256.isEmpty()) {
      throw new BundleProblem(Bundle.MANIFEST + " has a file reference without path or sha256: "
          + reference);
    }
    checkFile(files, path, sha256, Bundle.MANIFEST);
    return path;
  }

  private static void checkFile(
      SortedMap<String, byte[]> files, String path, String expected, String listedIn)
      throws BundleProblem {
    byte[] content = files.get(path);
    if (content == null) {
      throw new BundleProblem("'" + path + "' is missing (listed in " + listedIn + ")");
    }
    String actual = Sha256.hex(content);
    if (!actual.equals(expected)) {
      throw new BundleProblem("checksum mismatch for '" + path + "': " + listedIn + " says "
          + expected + ", the file's is " + actual);
    }
  }
}

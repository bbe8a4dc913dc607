package dev.strata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A bundle made and not yet written: the name of its one top folder and its files, each a path
 * relative to that folder ({@code upgrade.sql}, {@code revisions/0001_a.up.sql}) with its exact
 * bytes, sorted by path, kept in {@link BundleFiles} (memory, then an unlinked temporary file).
 * {@link #close()} releases them. The layout is described in {@code docs/bundle-format.md}.
 *
 * @param root the top folder name, {@code strata-<from>-<to>-<dialect>}: letters, digits, {@code _},
 *     {@code +}, {@code .} and {@code -} only
 * @param files relative path to content; paths use {@code /}, have no empty, {@code .} or {@code ..}
 *     segment and no leading {@code /} ({@link BundleFiles#create} checks them)
 */
record Bundle(String root, BundleFiles files) implements AutoCloseable {
  static final String UPGRADE = "upgrade.sql";
  static final String ROLLBACK = "rollback.sql";
  static final String MANIFEST = "MANIFEST.json";
  static final String SUMS = "SHA256SUMS";
  static final String APPLY = "APPLY.md";
  static final String REVISIONS = "revisions/";
  static final String SOURCES = "sources/";
  /** For reviewers: what each revision changes in the schema ({@link ChangesDocument}). */
  static final String CHANGES = "CHANGES.md";
  /** The schema before the bundle, as DDL (issue 9, written by the schema renderer). */
  static final String SCHEMA_BEFORE = "schema/before.sql";
  /** The schema after the bundle, as DDL (issue 9, written by the schema renderer). */
  static final String SCHEMA_AFTER = "schema/after.sql";
  /**
   * The files a bundle may hold besides its scripts, sources and {@link #APPLY}: {@code verify}
   * accepts each when {@code MANIFEST.json} and {@code SHA256SUMS} list it with its checksum.
   */
  static final java.util.Set<String> OPTIONAL =
      java.util.Set.of(SOURCES + "strata.sum", CHANGES, SCHEMA_BEFORE, SCHEMA_AFTER);

  Bundle {
    if (!root.matches("[A-Za-z0-9_+.\\-]{1,200}") || root.startsWith(".")) {
      throw new IllegalArgumentException("bad bundle folder name: '" + root + "'");
    }
    Objects.requireNonNull(files, "files");
  }

  /** Releases the files ({@link BundleFiles#close()}); idempotent. */
  @Override
  public void close() {
    files.close();
  }

  /**
   * Whether {@code path} is a plain relative path: no empty, {@code .} or {@code ..} segment, no
   * backslash and no control character (so that {@code SHA256SUMS} lines need no escaping).
   */
  static boolean isRelativePath(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
  }

  /**
   * One archive entry: a directory (name ending in {@code /}, no file) or a file.
   *
   * @param name the full name, under {@link #root()}
   * @param file for a file, its path in {@link #files()}; empty for a directory
   */
  record Entry(String name, Optional<String> file) {
    boolean directory() {
      return file.isEmpty();
    }
  }

  /**
   * Every entry of the bundle with its full name (under {@link #root()}), directories included
   * (the top folder first), sorted by name, so that a folder always precedes what it holds.
   */
  List<Entry> entries() {
    TreeMap<String, Entry> entries = new TreeMap<>();
    entries.put(root + "/", new Entry(root + "/", Optional.empty()));
    for (String directory : directories()) {
      String name = root + "/" + directory;
      entries.put(name, new Entry(name, Optional.empty()));
    }
    for (String path : files.contents().keySet()) {
      String name = root + "/" + path;
      entries.put(name, new Entry(name, Optional.of(path)));
    }
    return new ArrayList<>(entries.values());
  }

  /** The folders that hold files, relative to the root, each ending in {@code /}, sorted. */
  TreeSet<String> directories() {
    TreeSet<String> directories = new TreeSet<>();
    for (String path : files.contents().keySet()) {
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        directories.add(path.substring(0, slash + 1));
      }
    }
    return directories;
  }
}

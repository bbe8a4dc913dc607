package dev.strata.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The files of one fuzz case, by name, as raw bytes (so that invalid UTF-8 survives every later
 * edit). Mutations change it in place; iteration is in name order, so a seed always picks the same
 * files.
 */
final class Chain {
  /** The lock file's name in a versions directory. */
  static final String LOCK = "strata.sum";

  private final TreeMap<String, byte[]> files;

  private Chain(TreeMap<String, byte[]> files) {
    this.files = files;
  }

  /** Reads every regular file of {@code dir} (the sample chain). */
  static Chain read(Path dir) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.filter(Files::isRegularFile).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample chain " + dir, e);
    }
    if (files.keySet().stream().noneMatch(Chain::isRevision)) {
      throw new IllegalArgumentException("no revision files in " + dir);
    }
    return new Chain(files);
  }

  /** An independent copy, for one case. */
  Chain copy() {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
    return new Chain(copy);
  }

  static boolean isRevision(String name) {
    return name.endsWith(".sql");
  }

  /** The revision file names, in name order. */
  List<String> revisionNames() {
    return files.keySet().stream().filter(Chain::isRevision).toList();
  }

  /** A revision file picked at random. */
  String pickRevision(RandomGenerator rnd) {
    List<String> names = revisionNames();
    return names.get(rnd.nextInt(names.size()));
  }

  /**
   * The revision ids as written in the {@code -- revision:} lines of the files (ASCII only), in
   * name order; a file without such a line gives none.
   */
  List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (String name : revisionNames()) {
      for (String line : new String(files.get(name), StandardCharsets.ISO_8859_1).split("\n")) {
        if (line.startsWith("-- revision: ")) {
          ids.add(line.substring("-- revision: ".length()).strip());
          break;
        }
      }
    }
    return ids;
  }

  boolean has(String name) {
    return files.containsKey(name);
  }

  byte[] get(String name) {
    byte[] bytes = files.get(name);
    if (bytes == null) {
      throw new IllegalArgumentException("no file " + name);
    }
    return bytes;
  }

  void put(String name, byte[] bytes) {
    files.put(name, bytes);
  }

  void remove(String name) {
    files.remove(name);
  }

  /** Writes every file into {@code dir}, which must exist and be empty. */
  void write(Path dir) throws IOException {
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
    }
  }
}

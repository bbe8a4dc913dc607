package dev.strata.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A stamp of the code a result was computed with, so that a cache written by one build of strata
 * is never read by another: the on-disk caches' key ({@link ParseCache}, and the command results
 * cache of the CLI). Not a content hash (hashing the jars would cost more than the cache saves),
 * but the identity of each code location as the file system knows it, as build tools stamp their
 * inputs (make's times, Gradle's file snapshots).
 *
 * <p>For each class given, its code source: a jar is stamped by its size and modification time
 * (every {@code mvn package} writes a new file); a folder of classes (a development build's {@code
 * target/classes}) by the path, size and modification time of every file in it, so that
 * recompiling any class changes the stamp. A location that cannot be read stamps as {@code ?}: the
 * caller then still has the tool's version in its key.
 */
public final class BuildStamp {
  private BuildStamp() {}

  /**
   * The stamp of the code locations of the classes named {@code classNames}, found through {@code
   * loader} as resources (so that none of them is loaded), each location once, in the order given:
   * one line per location, {@code size@millis} for a jar, {@code dir:<count>:<hash>} for a
   * folder, {@code ?} for a class that is missing or not in a jar or folder.
   *
   * @param classNames binary names, e.g. {@code org.jooq.DSL}
   */
  public static String of(ClassLoader loader, List<String> classNames) {
    Set<Path> locations = new LinkedHashSet<>();
    List<String> parts = new ArrayList<>();
    for (String name : classNames) {
      Path location = location(loader, name);
      if (location == null) {
        parts.add("?");
      } else if (locations.add(location)) {
        parts.add(stamp(location));
      }
    }
    return String.join("\n", parts);
  }

  /** The jar or folder that holds class {@code name}; null when neither. */
  private static Path location(ClassLoader loader, String name) {
    String resource = name.replace('.', '/') + ".class";
    try {
      URL url = loader.getResource(resource);
      if (url == null) {
        return null;
      }
      return switch (url.getProtocol()) {
        case "jar" -> {
          String spec = url.getPath();
          int separator = spec.indexOf("!/");
          yield separator < 0 ? null : Path.of(new URI(spec.substring(0, separator)));
        }
        case "file" -> {
          Path file = Path.of(url.toURI());
          Path folder = file;
          for (int i = resource.split("/").length; i > 0 && folder != null; i--) {
            folder = folder.getParent();
          }
          yield folder;
        }
        default -> null;
      };
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static String stamp(Path location) {
    try {
      if (!Files.isDirectory(location)) {
        return Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis();
      }
      long[] sum = {0, 0};
      try (Stream<Path> files = Files.walk(location)) {
        files.forEach(file -> {
          try {
            BasicFileAttributes attributes =
                Files.readAttributes(file, BasicFileAttributes.class);
            sum[0]++;
            sum[1] = 31 * sum[1] + location.relativize(file).toString().hashCode();
            sum[1] = 31 * sum[1] + attributes.size();
            sum[1] = 31 * sum[1] + attributes.lastModifiedTime().toMillis();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
      return "dir:" + sum[0] + ":" + Long.toHexString(sum[1]);
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}

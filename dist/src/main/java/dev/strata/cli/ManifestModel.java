package dev.strata.cli;

import dev.strata.grammar.RevisionId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code MANIFEST.json} as {@code strata verify} reads it: every key {@link Manifest#render}
 * writes, in its order, with its JSON type (the reading rules are in {@link Manifest#read}). Each
 * record checks itself: required values present, ids, checksums and paths well formed. A key
 * added to the manifest is one more component here, in the order it is written (a boxed type such
 * as {@code Boolean}; with {@code @JsonInclude(NON_NULL)} if it is left out when unset, so that
 * the manifest still reads back byte for byte).
 *
 * @param lockTimeout {@code null} when not set
 * @param statementTimeout {@code null} when not set
 * @param lockWait how long the script waits for the advisory lock; {@code null} when it does not
 *     wait
 */
record ManifestModel(
    String format,
    Integer formatVersion,
    String toolVersion,
    String dialect,
    VersionTableName versionTable,
    String transactionMode,
    Boolean guards,
    String lockTimeout,
    String statementTimeout,
    String lockWait,
    List<String> from,
    List<String> to,
    List<Step> steps,
    Script upgrade,
    Script rollback,
    List<FileEntry> files) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern DURATION = Pattern.compile("[0-9]{1,9}(us|ms|s|min|h|d)?");

  ManifestModel {
    require(format, "format");
    require(formatVersion, "formatVersion");
    require(toolVersion, "toolVersion");
    require(dialect, "dialect");
    require(versionTable, "versionTable");
    require(transactionMode, "transactionMode");
    require(guards, "guards");
    if (lockTimeout != null && !DURATION.matcher(lockTimeout).matches()
        || statementTimeout != null && !DURATION.matcher(statementTimeout).matches()
        || lockWait != null && !DURATION.matcher(lockWait).matches()) {
      throw new IllegalArgumentException("a timeout is not a duration like 5s or 2min");
    }
    from = ids(from, "from");
    to = ids(to, "to");
    steps = List.copyOf(require(steps, "steps"));
    require(upgrade, "upgrade");
    require(rollback, "rollback");
    files = List.copyOf(require(files, "files"));
  }

  /** {@code versionTable}: the table's name and its schema ({@code null} when not set). */
  record VersionTableName(String name, String schema) {
    VersionTableName {
      require(name, "versionTable.name");
    }
  }

  /**
   * One entry of {@code steps}.
   *
   * @param psqlMetaCommands whether the revision has a {@code -- +dialect postgresql
   *     psql-meta-commands} block (language.md, "What psql sees")
   */
  record Step(
      Integer position,
      String revision,
      List<String> parents,
      String message,
      String direction,
      FileRef source,
      FileRef up,
      FileRef down,
      Boolean psqlMetaCommands) {
    Step {
      require(position, "position");
      id(revision, "revision");
      parents = ids(parents, "parents");
      require(message, "message");
      require(direction, "direction");
      require(source, "source");
      require(up, "up");
      require(down, "down");
      require(psqlMetaCommands, "psqlMetaCommands");
    }
  }

  /** A file a step names: {@code {"path", "sha256"}}. */
  record FileRef(String path, String sha256) {
    FileRef {
      checkPath(path);
      checkSha256(sha256);
    }
  }

  /** {@code upgrade} and {@code rollback}: the script's path, checksum and segments. */
  record Script(String path, String sha256, List<Segment> segments) {
    Script {
      checkPath(path);
      checkSha256(sha256);
      segments = List.copyOf(require(segments, "segments"));
    }
  }

  /** One segment of a script, as {@code RenderedScript.Segment} describes it. */
  record Segment(
      Integer number,
      Boolean transactional,
      List<String> revisions,
      List<String> statements,
      List<String> headsAfter) {
    Segment {
      require(number, "number");
      require(transactional, "transactional");
      revisions = ids(revisions, "revisions");
      statements = strings(statements, "statements");
      headsAfter = ids(headsAfter, "headsAfter");
    }
  }

  /** One entry of {@code files}: every file but the manifest and {@code SHA256SUMS}. */
  record FileEntry(String path, Long size, String sha256) {
    FileEntry {
      checkPath(path);
      if (require(size, "size") < 0) {
        throw new IllegalArgumentException("'size' is negative");
      }
      checkSha256(sha256);
    }
  }

  private static <T> T require(T value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("'" + key + "' is missing or null");
    }
    return value;
  }

  private static List<String> strings(List<String> values, String key) {
    for (String value : require(values, key)) {
      require(value, key);
    }
    return List.copyOf(values);
  }

  private static String id(String value, String key) {
    if (!RevisionId.isValid(require(value, key))) {
      throw new IllegalArgumentException("'" + key + "' is not a revision id");
    }
    return value;
  }

  private static List<String> ids(List<String> values, String key) {
    for (String value : require(values, key)) {
      id(value, key);
    }
    return List.copyOf(values);
  }

  private static void checkPath(String path) {
    if (!Bundle.isRelativePath(require(path, "path"))) {
      throw new IllegalArgumentException("'path' is not a plain relative path");
    }
  }

  private static void checkSha256(String sha256) {
    if (!SHA256.matcher(require(sha256, "sha256")).matches()) {
      throw new IllegalArgumentException("'sha256' is not 64 lowercase hex digits");
    }
  }
}

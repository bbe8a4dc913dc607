package dev.strata.dialects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL advisory lock that keeps two guarded scripts from running on one database at once
 * (see {@code docs/scripts.md}): taken before the guard, held by the psql session to the end of
 * the script (a session-level lock survives {@code COMMIT} and {@code ROLLBACK}), released by the
 * script's last block, and by psql's exit when the script stops on an error.
 *
 * <p>The key is a constant in the script, derived from the version table: the first 8 bytes,
 * big-endian, as a signed 64-bit integer, of the SHA-256 of the UTF-8 text {@code strata advisory
 * lock\nschema: <schema>\ntable: <table>\n}, with the names as configured (not quoted) and {@code
 * public} for a version table without a schema. Every script of one version table therefore takes
 * the same lock, whatever its range, direction or options.
 *
 * <p>Without a wait, a second script fails at once ({@code pg_try_advisory_lock}) with {@code
 * strata: another strata script is running on this database: the advisory lock <key> of <table>
 * is held by the session with pid <pid>}; with a wait, it waits up to that long ({@code
 * pg_advisory_lock} under a {@code lock_timeout} set for that statement alone) and then fails
 * likewise.
 */
final class SessionLock {
  /** The schema a version table without one is keyed under. */
  static final String DEFAULT_SCHEMA = "public";

  private final long key;
  private final String versionTable;

  /**
   * The lock of the version table {@code table} in {@code schema}.
   *
   * @param versionTable the version table as the script names it, for messages
   */
  SessionLock(Optional<String> schema, String table, String versionTable) {
    this.key = key(schema, table);
    this.versionTable = versionTable;
  }

  /** The lock for the version table of {@code options}. */
  static SessionLock of(ScriptOptions options, VersionTable table) {
    return new SessionLock(options.versionTableSchema(), options.versionTable(),
        table.displayName());
  }

  /** The lock key of the version table {@code table} in {@code schema} (see the class doc). */
  static long key(Optional<String> schema, String table) {
    String text = "strata advisory lock\nschema: " + schema.orElse(DEFAULT_SCHEMA) + "\ntable: "
        + table + "\n";
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        key = key << 8 | (hash[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** This lock's key. */
  long key() {
    return key;
  }

  /**
   * The block that takes the lock, without its {@code ;}.
   *
   * @param wait how long to wait for another session's lock (a PostgreSQL duration), or empty to
   *     fail at once
   */
  String take(Optional<String> wait) {
    if (wait.isEmpty()) {
      return DoBlock.render(
          List.of("holder text;"),
          List.of("IF NOT pg_try_advisory_lock(" + key + ") THEN\n"
              + DoBlock.indent(refusal("another strata script is running on this database"))
              + "\nEND IF;"));
    }
    return DoBlock.render(
        List.of("saved text := current_setting('lock_timeout');", "holder text;"),
        List.of(
            "PERFORM set_config('lock_timeout', " + Guard.literal(wait.get()) + ", false);",
            "PERFORM pg_advisory_lock(" + key + ");",
            "PERFORM set_config('lock_timeout', saved, false);"),
        List.of("WHEN lock_not_available THEN\n" + DoBlock.indent(refusal(
            "another strata script is still running on this database after " + wait.get()))));
  }

  /** Looks up the session holding the lock, then raises the error that stops the script. */
  private String refusal(String what) {
    return "SELECT string_agg(pid::text, ', ' ORDER BY pid) INTO holder FROM pg_locks\n"
        + "    WHERE locktype = 'advisory' AND granted AND objsubid = 1\n"
        + "        AND classid::bigint = " + (key >>> 32)
        + " AND objid::bigint = " + (key & 0xffffffffL) + "\n"
        + "        AND database = (SELECT oid FROM pg_database WHERE datname = current_database());\n"
        + "RAISE EXCEPTION " + Guard.literal("strata: " + what + ": the advisory lock " + key
            + " of " + versionTable.replace("%", "%%") + " is held by the session with pid %")
        + ",\n"
        + "    coalesce(holder, 'unknown')\n"
        + "    USING HINT = 'wait until that script has finished, then run this one again';";
  }

  /** The block that releases the lock at the end of the script, without its {@code ;}. */
  String release() {
    return DoBlock.render(List.of(), List.of("PERFORM pg_advisory_unlock(" + key + ");"));
  }
}

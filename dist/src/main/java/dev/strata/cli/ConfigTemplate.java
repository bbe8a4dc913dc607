package dev.strata.cli;

/**
 * The {@code strata.toml} that {@code strata init} writes: every key of docs/configuration.md
 * with its default, commented out, so the file documents itself and changes nothing until a line
 * is uncommented.
 */
final class ConfigTemplate {
  private ConfigTemplate() {}

  /**
   * The file's text; with {@code dialect} (a dialect id) its {@code dialect} line is set instead
   * of commented.
   */
  static String text(String dialect) {
    String dialectLine = dialect == null
        ? "# dialect = \"postgresql\"" : "dialect = \"" + dialect + "\"";
    return """
        # strata.toml: what strata's commands would otherwise repeat (docs/configuration.md).
        # Every key is the long option of the same name: 'dialect' is --dialect. The command line
        # wins over STRATA_* environment variables (STRATA_DIALECT), which win over this file.
        # A key at the top level applies to every command that has the option; a key in a
        # command's table ([upgrade], [bundle], [status]...) to that command only, and wins.
        # Relative paths are read against this file's directory.

        # Directory of the revision files.
        # versions = "versions"

        # SQL dialect of the scripts: postgresql, mysql, mariadb or sqlite.
        %s

        # The table holding the database's current revisions (Alembic's version_table), and its
        # schema (default: the search path).
        # version-table = "alembic_version"
        # version-table-schema = "public"

        # Transactions: bundle (one for the whole script), revision (one per revision) or none
        # (default: bundle where DDL is transactional, none for mysql and mariadb).
        # transaction = "bundle"

        # How long a statement waits for a lock, and may run (default: the server's).
        # lock-timeout = "5s"
        # statement-timeout = "15min"

        # While another strata script runs on the database, wait this long for it to end
        # (default: fail at once).
        # lock-wait = "30s"

        # Per-command settings, e.g. a bundle's transaction mode only:
        # [bundle]
        # transaction = "revision"

        # Lint (docs/lint.md): a severity per rule id ("error", "warning" or "off"), and whether
        # keys should be BIGINT (default true).
        # [lint]
        # prefer-bigint-keys = true
        # rules = { "drop-data" = "error", "prefer-timestamptz" = "off" }
        """.formatted(dialectLine);
  }
}

package dev.strata.cli;

import dev.strata.dialects.Dialect;
import dev.strata.dialects.ScriptOptions;
import java.util.List;

/**
 * The shell commands that run a dialect's scripts with its own client, no Java: what {@code
 * APPLY.md} prints (and the bundle tests run as printed), and the one-line hint in a schema
 * snapshot's header. Every command reads the script from a file in the current folder and stops at
 * the first error:
 *
 * <ul>
 *   <li>{@code psql -X -v ON_ERROR_STOP=1 -f FILE "$DATABASE_URL"}: no psqlrc, stop on error;
 *   <li>{@code mariadb} / {@code mysql} {@code --defaults-file="$DATABASE_CNF" --batch
 *       --binary-mode --default-character-set=utf8mb4 < FILE}: the connection from an option file
 *       (first, as the client requires) and from it only: {@code --defaults-file}, unlike {@code
 *       --defaults-extra-file}, reads neither {@code /etc/my.cnf} nor {@code ~/.my.cnf}, where a
 *       {@code force} or {@code init-command} line would make the client go on after an error or
 *       run SQL of its own; batch mode (which stops at the first error, as {@code
 *       --force} is not given), {@code --binary-mode} (the client runs none of its own commands
 *       but {@code \C} and {@code DELIMITER}, so a line of the script can never run {@code system}
 *       or {@code source}), and the script read as the UTF-8 it is;
 *   <li>{@code sqlite3 -bail -safe "$DATABASE_FILE" < FILE}: stop at the first error, and safe
 *       mode (no {@code .shell}, {@code .system}, {@code ATTACH} or file functions).
 * </ul>
 */
final class ClientCommands {
  private final Dialect dialect;

  ClientCommands(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The environment variable that names the database, as the commands use it. */
  String variable() {
    return switch (dialect) {
      case POSTGRESQL -> "DATABASE_URL";
      case MYSQL, MARIADB -> "DATABASE_CNF";
      case SQLITE -> "DATABASE_FILE";
    };
  }

  /** The command that runs {@code file} (a path relative to the current folder). */
  String apply(String file) {
    return switch (dialect) {
      case POSTGRESQL -> "psql -X -v ON_ERROR_STOP=1 -f " + file + " \"$DATABASE_URL\"";
      case MYSQL, MARIADB, SQLITE -> client() + " < " + file;
    };
  }

  /**
   * The command that runs the script text {@code producer} prints ({@code tail -n +12
   * upgrade.sql}), for the clients that read a script from their input.
   *
   * @throws IllegalStateException for psql, whose resumed runs need no such command
   */
  String piped(String producer) {
    return switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("psql scripts resume by themselves");
      case MYSQL, MARIADB, SQLITE -> producer + " | " + client();
    };
  }

  /** The client with its options, reading the script from its input. */
  private String client() {
    return switch (dialect) {
      case POSTGRESQL -> "psql -X -v ON_ERROR_STOP=1 \"$DATABASE_URL\"";
      case MYSQL, MARIADB -> mysqlClient() + " --batch --binary-mode";
      case SQLITE -> "sqlite3 -bail -safe \"$DATABASE_FILE\"";
    };
  }

  /** The command that prints the version table's rows, one per line, sorted. */
  String query(ScriptOptions options) {
    String sql = "SELECT version_num FROM " + versionTable(options) + " ORDER BY version_num";
    return switch (dialect) {
      case POSTGRESQL -> "psql -X -A -t -c " + shellQuoted(sql) + " \"$DATABASE_URL\"";
      case MYSQL, MARIADB ->
          mysqlClient() + " --batch --skip-column-names -e " + shellQuoted(sql);
      case SQLITE -> "sqlite3 -readonly -safe \"$DATABASE_FILE\" " + shellQuoted(sql);
    };
  }

  /**
   * How a schema snapshot is applied, for its header: {@code psql -f FILE} and the like, with
   * {@code FILE} and the database as placeholders.
   */
  String snapshotHint() {
    return switch (dialect) {
      case POSTGRESQL -> "psql -f FILE";
      case MYSQL, MARIADB -> dialect.client() + " --batch --binary-mode DATABASE < FILE";
      case SQLITE -> "sqlite3 -bail DATABASE_FILE < FILE";
    };
  }

  /** The example that sets {@link #variable()}, as Markdown lines. */
  List<String> setUp() {
    return switch (dialect) {
      case POSTGRESQL -> List.of("`DATABASE_URL` set to the database, for example",
          "`export DATABASE_URL='postgresql://user@host:5432/dbname'`.");
      case MYSQL, MARIADB -> List.of("`DATABASE_CNF` set to an option file that names the"
              + " database, for example",
          "`export DATABASE_CNF=$HOME/ledger.cnf` with",
          "",
          "```ini",
          "[client]",
          "host=db.example.com",
          "port=3306",
          "user=deploy",
          "password=...",
          "database=ledger",
          "```",
          "",
          "(keep it outside this folder, readable by you only: `chmod 600`).");
      case SQLITE -> List.of("`DATABASE_FILE` set to the database file, for example",
          "`export DATABASE_FILE=/srv/app/app.sqlite`.");
    };
  }

  /** {@code mariadb --defaults-file="$DATABASE_CNF" --default-character-set=utf8mb4}. */
  private String mysqlClient() {
    return dialect.client() + " --defaults-file=\"$DATABASE_CNF\""
        + " --default-character-set=utf8mb4";
  }

  /** The version table as the dialect's SQL names it. */
  private String versionTable(ScriptOptions options) {
    return options.versionTableSchema().map(s -> identifier(s) + ".").orElse("")
        + identifier(options.versionTable());
  }

  /**
   * A configured name as the scripts write it: plain when a lowercase identifier, else quoted
   * ({@code "..."}, or MySQL's {@code `...`}) with the quote doubled.
   */
  private String identifier(String name) {
    if (name.matches("[a-z_][a-z0-9_$]*")) {
      return name;
    }
    return switch (dialect) {
      case POSTGRESQL, SQLITE -> "\"" + name.replace("\"", "\"\"") + "\"";
      case MYSQL, MARIADB -> "`" + name.replace("`", "``") + "`";
    };
  }

  /** {@code text} in single quotes for a POSIX shell. */
  static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}

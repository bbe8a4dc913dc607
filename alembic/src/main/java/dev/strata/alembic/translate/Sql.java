package dev.strata.alembic.translate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names and literals of the SQL that the translator writes, spelled as SQLAlchemy 1.4's PostgreSQL
 * dialect spells them, so that the database ends up with the same identifiers.
 */
final class Sql {
  /**
   * PostgreSQL's reserved words as SQLAlchemy 1.4 lists them
   * ({@code sqlalchemy.dialects.postgresql.base.RESERVED_WORDS}): a name among them is quoted.
   */
  private static final Set<String> RESERVED = Set.of(("all analyse analyze and any array as asc"
      + " asymmetric authorization between binary both case cast check collate column constraint"
      + " create cross current_catalog current_date current_role current_schema current_time"
      + " current_timestamp current_user default deferrable desc distinct do else end except false"
      + " fetch for foreign freeze from full grant group having ilike in initially inner intersect"
      + " into is isnull join leading left like limit localtime localtimestamp natural new not"
      + " notnull null of off offset old on only or order outer over overlaps placing primary"
      + " references returning right select session_user similar some symmetric table then to"
      + " trailing true union unique user using variadic verbose when where window with")
      .split(" "));

  /** Names already probed with strata's parser: true when it needs them quoted. */
  private static final Map<String, Boolean> STRATA_QUOTES = new ConcurrentHashMap<>();

  /** SQLAlchemy's {@code LEGAL_CHARACTERS}, case-insensitive, and lower case required. */
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  private Sql() {}

  /**
   * A name as SQLAlchemy's {@code IdentifierPreparer.quote} writes it for PostgreSQL: quoted when
   * it is a reserved word, starts with a digit or {@code $}, has a character other than letters,
   * digits, {@code _} and {@code $}, or has an upper-case letter; {@code "} doubled inside.
   */
  static String ident(String name) {
    boolean quote = !PLAIN.matcher(name).matches() || RESERVED.contains(name)
        || STRATA_QUOTES.computeIfAbsent(name, Sql::strataNeedsQuotes);
    return quote ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
  }

  /**
   * Whether strata's parser reads {@code name}, unquoted, as something else than a name where the
   * translator writes names (a few keywords of its language that PostgreSQL accepts bare, such as
   * {@code comment} or {@code stored}); quoting a lower-case name changes nothing in PostgreSQL.
   */
  private static boolean strataNeedsQuotes(String name) {
    String n = name;
    return StrataSql.statements("CREATE TABLE " + n + " (" + n + " INTEGER, CONSTRAINT " + n
            + " UNIQUE (" + n + "), FOREIGN KEY (" + n + ") REFERENCES " + n + "." + n + " (" + n
            + "));\nCREATE INDEX " + n + " ON " + n + "." + n + " (" + n + ");\nALTER TABLE " + n
            + " RENAME COLUMN " + n + " TO " + n + ";\nALTER TABLE " + n + " DROP CONSTRAINT " + n
            + ";\nCOMMENT ON COLUMN " + n + "." + n + "." + n + " IS 'x';\nINSERT INTO " + n + " ("
            + n + ") VALUES (1);\nDROP INDEX " + n + "." + n + ";\nALTER TABLE " + n
            + " RENAME TO " + n + ";")
        .map(list -> list.size() != 8)
        .orElse(true);
  }

  /** {@code schema.name}, or {@code name} when {@code schema} is null, each part quoted as needed. */
  static String qualified(String schema, String name) {
    return schema == null ? ident(name) : ident(schema) + "." + ident(name);
  }

  /**
   * The name of a type ({@code [schema.]name} of an enum), quoted as SQLAlchemy quotes it, and
   * both parts quoted when strata's parser cannot read the name where a type or
   * {@code CREATE TYPE} takes it. (An enum named like a built-in type, {@code date}, stays bare, as
   * SQLAlchemy writes it: PostgreSQL then reads the built-in type, and so does strata.)
   */
  static String typeName(String schema, String name) {
    String sql = qualified(schema, name);
    if (StrataSql.typeProblem(sql).isEmpty() && StrataSql.parse("CREATE TYPE " + sql
        + " AS ENUM ('a');").statements() != null) {
      return sql;
    }
    String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
    return schema == null ? quoted : "\"" + schema.replace("\"", "\"\"") + "\"." + quoted;
  }

  /**
   * A name SQLAlchemy made or was given through {@code op.f()} (a {@code conv} name), as its
   * {@code _truncate_and_render_maxlen_name} writes it for PostgreSQL: longer than 63 characters,
   * it is cut to 55 and suffixed with {@code _} and the last 4 hex digits of the MD5 of the whole
   * name ({@code ix_..._colum_1548}).
   */
  static String conventionName(String name) {
    int length = name.codePointCount(0, name.length());
    if (length <= 63) {
      return name;
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("MD5")
          .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String hex = java.util.HexFormat.of().formatHex(digest);
      return name.substring(0, name.offsetByCodePoints(0, 55)) + "_"
          + hex.substring(hex.length() - 4);
    } catch (java.security.NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every Java runtime has MD5", missing);
    }
  }

  /** Names separated by {@code ", "}, each quoted as needed. */
  static String idents(List<String> names) {
    return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
  }

  /**
   * A string literal as the database receives a bound string: {@code '} doubled, everything else
   * (backslashes, {@code %}) as it is, which is what Alembic's online mode stores (its offline
   * mode doubles {@code %} and backslashes in literals it renders itself).
   */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Upper-cases an SQL keyword written in Python ({@code 'cascade'} becomes {@code CASCADE}). */
  static String keyword(String word) {
    return word.strip().toUpperCase(Locale.ROOT);
  }
}

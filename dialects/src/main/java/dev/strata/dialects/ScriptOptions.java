package dev.strata.dialects;

import java.util.Objects;
import java.util.Optional;

/**
 * How a script is written, beyond its plan.
 *
 * @param versionTable the version table's name (Alembic's {@code version_table}); rendered without
 *     quotes when it is a plain lowercase identifier ({@code [a-z_][a-z0-9_$]*}), quoted otherwise
 * @param versionTableSchema its schema (Alembic's {@code version_table_schema}), same quoting rule
 * @param toolVersion the strata version named in the script header
 * @param transactionMode how statements are grouped into transactions
 */
public record ScriptOptions(
    String versionTable,
    Optional<String> versionTableSchema,
    String toolVersion,
    TransactionMode transactionMode) {

  /** Alembic's default version table name. */
  public static final String DEFAULT_VERSION_TABLE = "alembic_version";

  public ScriptOptions {
    requireName(versionTable, "version table");
    Objects.requireNonNull(versionTableSchema, "versionTableSchema");
    versionTableSchema.ifPresent(schema -> requireName(schema, "version table schema"));
    Objects.requireNonNull(toolVersion, "toolVersion");
    if (toolVersion.isBlank() || toolVersion.contains("\n") || toolVersion.contains("\r")) {
      throw new IllegalArgumentException("bad tool version: '" + toolVersion + "'");
    }
    Objects.requireNonNull(transactionMode, "transactionMode");
  }

  /** Options with {@link TransactionMode#BUNDLE}. */
  public ScriptOptions(
      String versionTable, Optional<String> versionTableSchema, String toolVersion) {
    this(versionTable, versionTableSchema, toolVersion, TransactionMode.BUNDLE);
  }

  /** Alembic's defaults: table {@code alembic_version}, no schema, one transaction. */
  public static ScriptOptions defaults(String toolVersion) {
    return new ScriptOptions(DEFAULT_VERSION_TABLE, Optional.empty(), toolVersion);
  }

  /** These options with another transaction mode. */
  public ScriptOptions withTransactionMode(TransactionMode mode) {
    return new ScriptOptions(versionTable, versionTableSchema, toolVersion, mode);
  }

  private static void requireName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.length() > 63 || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("bad " + what + " name: '" + name + "'");
    }
  }
}

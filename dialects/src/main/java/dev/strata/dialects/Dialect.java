package dev.strata.dialects;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.SQLDialect;

/**
 * A target SQL dialect. Each has a stable lowercase {@link #id()} (as in {@code -- +dialect NAME}
 * blocks and the CLI's {@code --dialect}), the jOOQ {@link SQLDialect} its statements are built for,
 * and the {@link Capability capabilities} where its syntax or behaviour forks from the others.
 */
public enum Dialect {
  /** PostgreSQL 12 and later, run with {@code psql}. */
  POSTGRESQL("postgresql", EnumSet.allOf(Capability.class));

  private final String id;
  private final Set<Capability> capabilities;

  Dialect(String id, Set<Capability> capabilities) {
    this.id = id;
    this.capabilities = Set.copyOf(capabilities);
  }

  /** The lowercase id, e.g. {@code postgresql}. */
  public String id() {
    return id;
  }

  /** The dialect whose {@link #id()} is exactly {@code id}, or empty. */
  public static Optional<Dialect> byId(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }

  /** The ids of every dialect, comma-separated in declaration order, for messages. */
  public static String knownIds() {
    return String.join(", ", Arrays.stream(values()).map(Dialect::id).toList());
  }

  /**
   * The jOOQ dialect statements are built for. A method rather than a constructor argument, so that
   * loading this enum does not load jOOQ (see {@link Renderer}'s quiet start).
   */
  SQLDialect sqlDialect() {
    return switch (this) {
      case POSTGRESQL -> SQLDialect.POSTGRES;
    };
  }

  /** Whether this dialect behaves as {@code capability} says. */
  boolean has(Capability capability) {
    return capabilities.contains(capability);
  }
}

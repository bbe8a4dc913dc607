package dev.strata.grammar.ast;

import java.util.Optional;

/**
 * One {@code name [= value]} of a {@code WITH (...)} list (a table's or an index's storage
 * parameters, an operator class's parameters); {@code name} may have a namespace ({@code
 * toast.autovacuum_enabled}); {@code value} is kept as written ({@code 70}, {@code off},
 * {@code 'x'}).
 */
public record StorageParameter(QualifiedName name, Optional<Expr> value) {}

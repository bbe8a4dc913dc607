package dev.strata.dialects;

import dev.strata.compiler.Step;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.DowngradeMark;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks on a whole step before its statements are rendered, so that a script never records a
 * revision as applied (or undone) when the dialect got none of its statements:
 *
 * <ul>
 *   <li>E0216: a downgrade through a revision marked {@code -- +irreversible}, at the directive;
 *   <li>E0405: an upgrade whose statements are all {@code -- +dialect} blocks of other dialects, at
 *       the {@code -- +upgrade} line (a truly empty upgrade, as a merge's, is fine);
 *   <li>E0406: such a downgrade, when the upgrade has a statement for this dialect, at the {@code --
 *       +downgrade} line.
 * </ul>
 */
final class StepCheck {
  private final Dialect dialect;
  private final StatementRenderer statements;

  StepCheck(Dialect dialect, StatementRenderer statements) {
    this.dialect = dialect;
    this.statements = statements;
  }

  /** The problem of {@code step} for this dialect, if any. */
  Optional<Diagnostic> problem(Step step) {
    Section body = step.body();
    return switch (step.direction()) {
      case UPGRADE -> onlyOtherDialects(body)
          ? Optional.of(Diagnostic.error("E0405",
              "revision '" + step.id() + "' has no upgrade statement for " + dialect.id()
                  + ": its upgrade holds only " + blocks(body),
              step.revision().source(), body.span(), help("its upgrade")))
          : Optional.empty();
      case DOWNGRADE -> downgradeProblem(step);
    };
  }

  private Optional<Diagnostic> downgradeProblem(Step step) {
    Section body = step.body();
    Optional<DowngradeMark> irreversible = body.mark().filter(m -> body.irreversible());
    if (irreversible.isPresent()) {
      // a bundle adds why it cannot hold the revision (its rollback is this downgrade)
      return Optional.of(Diagnostic.error("E0216",
          "cannot downgrade '" + step.id() + "': it is marked '-- +irreversible'",
          step.revision().source(), irreversible.get().span(),
          "help: end a downgrade at '" + step.id() + "' or above it"));
    }
    if (onlyOtherDialects(body) && rendersSomething(step.revision().upgrade())) {
      return Optional.of(Diagnostic.error("E0406",
          "revision '" + step.id() + "' has no downgrade statement for " + dialect.id()
              + ", but its upgrade has: its downgrade holds only " + blocks(body),
          step.revision().source(), body.span(), help("the upgrade's")));
    }
    return Optional.empty();
  }

  private String help(String what) {
    return "help: add a '-- +dialect " + dialect.id() + "' block, or write " + what
        + " statements in the neutral subset, which every dialect renders";
  }

  /**
   * Statements, every one a {@code -- +dialect} block of another dialect. A section whose
   * statements are all {@code -- +only} other dialects says on each line that it does nothing
   * here, so it is no mistake to report.
   */
  private boolean onlyOtherDialects(Section section) {
    return !section.statements().isEmpty()
        && section.statements().stream().allMatch(statements::skipped)
        && section.statements().stream().anyMatch(s -> s.operation() instanceof Operation.RawSql);
  }

  private boolean rendersSomething(Section section) {
    return section.statements().stream().anyMatch(s -> !statements.skipped(s));
  }

  /**
   * {@code '-- +dialect mysql' blocks}, naming each dialect once, and {@code statements for
   * postgresql ('-- +only')} when there are such statements.
   */
  private static String blocks(Section section) {
    List<String> dialects = section.statements().stream().map(Statement::operation)
        .filter(op -> op instanceof Operation.RawSql)
        .map(op -> ((Operation.RawSql) op).dialect()).distinct().toList();
    List<String> only = section.statements().stream().flatMap(s -> s.dialects().stream())
        .distinct().sorted().toList();
    List<String> parts = new java.util.ArrayList<>();
    if (!dialects.isEmpty()) {
      parts.add(dialects.stream().map(d -> "'-- +dialect " + d + "'")
          .collect(Collectors.joining(" and ")) + " blocks");
    }
    if (!only.isEmpty()) {
      parts.add("statements for " + String.join(", ", only) + " ('-- +only')");
    }
    return String.join(" and ", parts);
  }
}

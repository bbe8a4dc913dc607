package dev.strata.compiler.lint;

import dev.strata.compiler.schema.DerivedDowngrade;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Location;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code no-downgrade}: a revision without a {@code -- +downgrade} section whose downgrade strata
 * cannot derive ({@link DerivedDowngrade}, the table "What refuses" of {@code
 * docs/schema-model.md}). One finding per upgrade statement that refuses, at the statement, with
 * the refusal's own words. A written downgrade section (statements, {@code -- +no-op} or {@code
 * -- +irreversible}) is never reported: an empty one is already an error (E0214), and {@code --
 * +irreversible} is the author's statement that there is no way back.
 */
public final class NoDowngradeRule implements RevisionRule {
  /** The rule. */
  public static final NoDowngradeRule INSTANCE = new NoDowngradeRule();

  private NoDowngradeRule() {}

  @Override
  public List<Finding> check(RevisionContext context) {
    RevisionFile file = context.revision();
    if (!DerivedDowngrade.derived(file) || context.upgrade().isEmpty()
        || !Rule.NO_DOWNGRADE.dialects().contains(context.dialect())) {
      return List.of();
    }
    try {
      DerivedDowngrade.derive(file, models(context));
      return List.of();
    } catch (DiagnosticException refused) {
      List<Finding> out = new ArrayList<>();
      for (Diagnostic d : refused.diagnostics()) {
        Location at = d.location().orElse(new Location(file.source(),
            context.upgrade().getFirst().statement().span()));
        out.add(Finding.of(Rule.NO_DOWNGRADE, context.revisionId(), context.dialect(), at,
            d.message() + "; the revision has no '-- +downgrade' section", List.of())
            .withAlternative("write its '-- +downgrade' section, or mark it '-- +irreversible'"
                + " (a '-- +downgrade' line, then '-- +irreversible')"));
      }
      return out;
    }
  }

  /**
   * The model before the revision and after each of its upgrade statements, as {@link
   * DerivedDowngrade#derive} takes them, from the contexts of the statements that run on the
   * context's dialect (a statement of another dialect changes nothing: the model before it stays).
   */
  private static List<SchemaModel> models(RevisionContext context) {
    Map<Statement, StatementContext> byStatement = new HashMap<>();
    for (StatementContext s : context.upgrade()) {
      byStatement.put(s.statement(), s);
    }
    List<SchemaModel> out = new ArrayList<>();
    SchemaModel current = context.upgrade().getFirst().revisionStart();
    out.add(current);
    for (Statement s : context.revision().upgrade().statements()) {
      StatementContext c = byStatement.get(s);
      if (c != null) {
        current = c.after();
      }
      out.add(current);
    }
    return out;
  }
}

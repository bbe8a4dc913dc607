package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.HandEdit;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Origin;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Direction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * {@code CHANGES.md} ({@link ChangesDocument}) for a plan of the sample chain, with hand-built
 * models standing in for the replay: the models asked for are those at the rows before and after
 * each step, and each step lists what differs between them.
 */
class ChangesDocumentTest {
  private static final Origin ORIGIN =
      new Origin("0011_customer_india_fields", "versions/0011.sql", new Span(7, 16, 3));

  @Test
  void eachStepWithItsRevisionMessageAndChanges() throws Exception {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions()));
    Plan plan = new Planner(graph)
        .plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "0010:0012"));
    Table customers = table(List.of());
    Table wider = table(List.of(new Column("pan",
        new DataType(DataType.Kind.VARCHAR, OptionalInt.of(10), OptionalInt.empty()), false,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        ORIGIN)));
    SchemaModel before = model(customers, List.of());
    SchemaModel after = model(wider, List.of());
    SchemaModel blind = model(wider, List.of(new HandEdit("postgresql", new Origin(
        "0012_journal_lines_account_idx", "versions/0012.sql", new Span(9, 1, 3)))));
    Map<List<String>, SchemaModel> models = Map.of(
        List.of("0010_widen_transaction_source"), before,
        List.of("0011_customer_india_fields"), after,
        List.of("0012_journal_lines_account_idx"), blind);
    String document = ChangesDocument.render(plan, models::get);
    assertEquals("""
        # Changes

        What each revision of this bundle changes in the schema, in the order
        `upgrade.sql` applies them, as strata's schema model sees it (`strata diff`).

        From: 0010_widen_transaction_source
        To: 0012_journal_lines_account_idx

        ## 1. 0011_customer_india_fields

        add ViewTrade account refs, PAN and partner id to customers

        - table `customers`: added column `pan VARCHAR(10) NULL`

        ## 2. 0012_journal_lines_account_idx

        %s

        - no change to the schema
        - a `-- +dialect postgresql` block at versions/0012.sql:9:1 changes the schema by hand;\
         the list above may be incomplete
        """.formatted(plan.steps().get(1).message()), document);
  }

  private static Table table(List<Column> columns) {
    return new Table(new ObjectName("public", "customers"), columns, List.of(), false,
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), ORIGIN);
  }

  private static SchemaModel model(Table table, List<HandEdit> edits) {
    return new SchemaModel(Map.of(), Map.of(), Map.of(), Map.of(table.name(), table), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of(), edits);
  }
}

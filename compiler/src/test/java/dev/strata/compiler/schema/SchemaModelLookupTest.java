package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaModel#indexesOn}, {@link SchemaModel#referencing}, {@link SchemaModel#tablesAmong},
 * {@link SchemaModel#constraintIndex} (and so {@link SchemaModel#relationExists}), {@link
 * SchemaModel#typeUsers}, {@link SchemaModel#readersOf} and {@link SchemaModel#viewsAmong} answer,
 * on the models a replay makes (from the state's indexes), what a walk over every index, table and
 * view answers, in the same order: on the model after every revision of every versions directory
 * of the corpora, for every dialect, and for every relation a table, index, foreign key,
 * constraint, view or column type names.
 */
class SchemaModelLookupTest {
  @Test
  void theReplaysLookupsAreTheWalks() throws Exception {
    int compared = 0;
    int nonEmpty = 0;
    int keys = 0;
    int typed = 0;
    int read = 0;
    int named = 0;
    for (Path dir : CheckedWalkTest.corpus()) {
      RevisionGraph graph;
      try {
        graph = RevisionGraph.build(VersionsLoader.load(dir));
      } catch (DiagnosticException e) {
        continue;
      }
      for (DialectId dialect : DialectId.values()) {
        Map<String, SchemaModel> models;
        try {
          models = Replay.of(graph, dialect).models();
        } catch (DiagnosticException e) {
          continue; // a directory of the schema-errors corpus
        }
        for (Map.Entry<String, SchemaModel> at : models.entrySet()) {
          SchemaModel model = at.getValue();
          SchemaModel walked = copy(model);
          Set<String> columns = new LinkedHashSet<>(List.of("no_such_column"));
          model.tables().values().forEach(t -> t.columns().forEach(c -> columns.add(c.name())));
          for (String column : columns) {
            assertEquals(walked.columnKinds(column), model.columnKinds(column),
                dir + " " + dialect + " after " + at.getKey() + ", column " + column);
            named += model.columnKinds(column).size();
          }
          for (ObjectName relation : relations(model)) {
            String where = dir + " " + dialect + " after " + at.getKey() + ", " + relation;
            assertEquals(walked.indexesOn(relation), model.indexesOn(relation), where);
            assertEquals(walked.referencing(relation), model.referencing(relation), where);
            Set<ObjectName> among = new LinkedHashSet<>(List.of(relation));
            model.referencing(relation).forEach(t -> among.add(t.name()));
            model.indexesOn(relation).forEach(i -> among.add(i.name()));
            assertEquals(walked.tablesAmong(among), model.tablesAmong(among), where);
            Set<ObjectName> all = new java.util.HashSet<>(model.tables().keySet());
            assertEquals(List.copyOf(model.tables().values()), model.tablesAmong(all), where);
            assertEquals(walked.constraintIndex(relation), model.constraintIndex(relation), where);
            assertEquals(walked.relationExists(relation), model.relationExists(relation), where);
            assertEquals(walked.typeUsers(relation), model.typeUsers(relation), where);
            assertEquals(walked.readersOf(relation), model.readersOf(relation), where);
            Set<ObjectName> views = new LinkedHashSet<>(List.of(relation));
            model.readersOf(relation).forEach(v -> views.add(v.name()));
            assertEquals(walked.viewsAmong(views), model.viewsAmong(views), where);
            Set<ObjectName> allViews = new java.util.HashSet<>(model.views().keySet());
            assertEquals(List.copyOf(model.views().values()), model.viewsAmong(allViews), where);
            compared++;
            if (!model.indexesOn(relation).isEmpty() || !model.referencing(relation).isEmpty()) {
              nonEmpty++;
            }
            if (model.constraintIndex(relation).isPresent()) {
              keys++;
            }
            if (!model.typeUsers(relation).isEmpty()) {
              typed++;
            }
            if (!model.readersOf(relation).isEmpty()) {
              read++;
            }
          }
        }
      }
    }
    assertTrue(compared > 1000 && nonEmpty > 200 && keys > 200 && typed > 20 && read > 20
            && named > 1000,
        compared + " lookups, " + nonEmpty + " found, " + keys + " constraint indexes, " + typed
            + " typed, " + read + " read, " + named + " column kinds");
  }

  /** Every relation the model's tables, indexes and foreign keys name, and one that is none. */
  private static Set<ObjectName> relations(SchemaModel model) {
    Set<ObjectName> out = new LinkedHashSet<>(model.tables().keySet());
    model.indexes().values().forEach(i -> out.add(i.table()));
    model.tables().values().forEach(t -> t.constraints().forEach(c -> {
      if (c instanceof Constraint.ForeignKey key) {
        out.add(key.references());
      }
    }));
    out.addAll(model.views().keySet());
    model.views().values().forEach(v -> v.definition().reads().forEach(r -> out.add(ObjectName.of(r))));
    model.tables().values().forEach(t -> {
      t.constraints().forEach(c -> out.add(new ObjectName(t.name().schema(), c.name())));
      t.columns().forEach(c -> c.type().named().ifPresent(n -> out.add(ObjectName.of(n.name()))));
    });
    out.addAll(model.types().keySet());
    out.add(new ObjectName("public", "no_such_relation"));
    return out;
  }

  /** The same model over plain maps: its lookups walk every object. */
  private static SchemaModel copy(SchemaModel m) {
    return new SchemaModel(new LinkedHashMap<>(m.schemas()), new LinkedHashMap<>(m.types()),
        new LinkedHashMap<>(m.sequences()), new LinkedHashMap<>(m.tables()),
        new LinkedHashMap<>(m.indexes()), new LinkedHashMap<>(m.views()),
        new LinkedHashMap<>(m.routines()), new LinkedHashMap<>(m.triggers()),
        new LinkedHashMap<>(m.extensions()), List.copyOf(m.handEdits()));
  }
}

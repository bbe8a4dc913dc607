package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SchemaDiff#between} on two models of one replay compares only the objects their journals
 * say may differ ({@link NarrowedModels}): it must list exactly what the diff of every object
 * lists ({@link SchemaDiff#everyObject}), in the same order.
 */
class NarrowedModelsTest {
  @TempDir Path tmp;

  /** One model per batch of random changes to one state, and to branches forked from it. */
  @Test
  void randomStepsAndBranchesDiffAsEveryObjectDoes() {
    int narrowed = 0;
    int pairs = 0;
    for (int seed = 0; seed < 60; seed++) {
      Random random = new Random(seed);
      RandomChanges changes = new RandomChanges(random);
      ModelState state = new ModelState();
      List<SchemaModel> line = new ArrayList<>();
      List<SchemaModel[]> compared = new ArrayList<>();
      for (int step = 0; step < 40; step++) {
        changes.apply(state, 1 + random.nextInt(4));
        line.add(state.model());
        int n = line.size();
        if (n >= 2) {
          compared.add(new SchemaModel[] {line.get(n - 2), line.get(n - 1)});
          compared.add(new SchemaModel[] {line.get(n - 1), line.get(n - 2)});
        }
        if (n >= 6) {
          compared.add(new SchemaModel[] {line.get(n - 6), line.get(n - 1)});
        }
        if (step % 8 == 3) { // a branch from here, compared with the line and its fork point
          ModelState branch = state.copy();
          changes.apply(branch, 1 + random.nextInt(6));
          compared.add(new SchemaModel[] {branch.model(), line.get(n - 1)});
          changes.apply(state, 1 + random.nextInt(3));
          compared.add(new SchemaModel[] {branch.model(), state.model()});
          compared.add(new SchemaModel[] {state.model(), branch.model()});
        }
      }
      for (SchemaModel[] pair : compared) {
        pairs++;
        String context = "seed " + seed + ", pair " + pairs;
        assertEquals(SchemaDiff.everyObject(pair[0], pair[1]),
            SchemaDiff.between(pair[0], pair[1]), context);
        if (NarrowedModels.of(pair[0], pair[1]).isPresent()) {
          narrowed++;
        }
      }
    }
    // the comparisons above went through the narrowed path, not only the whole models
    assertTrue(narrowed == pairs, narrowed + " of " + pairs + " pairs narrowed");
  }

  /** A replay's models before and after a step that changes one object among many. */
  @Test
  void aStepIsComparedOnTheObjectsItChanged() throws Exception {
    StringBuilder create = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      create.append("CREATE TABLE t").append(i).append(" (id BIGINT PRIMARY KEY, name TEXT);\n")
          .append("CREATE INDEX ix_t").append(i).append(" ON t").append(i).append(" (name);\n");
    }
    Path dir = Files.createDirectories(tmp.resolve("v"));
    write(dir, "0001_many", "base", create.toString());
    write(dir, "0002_one", "0001_many",
        "ALTER TABLE t17 ALTER COLUMN name TYPE VARCHAR(80);\nDROP INDEX ix_t30;\n");
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(dir));
    List<SchemaModel> models = Replay.of(graph).atEach(
        List.of(List.of("0001_many"), List.of("0002_one")));

    NarrowedModels narrowed = NarrowedModels.of(models.get(0), models.get(1)).orElseThrow();
    ObjectName t17 = new ObjectName("public", "t17");
    ObjectName ix30 = new ObjectName("public", "ix_t30");
    assertEquals(Set.of(t17), narrowed.before().tables().keySet());
    assertEquals(Set.of(t17), narrowed.after().tables().keySet());
    assertEquals(Set.of(ix30), narrowed.before().indexes().keySet());
    assertEquals(Set.of(), narrowed.after().indexes().keySet());
    List<Change> changes = SchemaDiff.between(models.get(0), models.get(1));
    assertEquals(List.of("table `t17`: column `name` type changed from `TEXT` to `VARCHAR(80)`",
        "index `ix_t30` dropped"),
        changes.stream().map(Change::description).toList());
    assertEquals(SchemaDiff.everyObject(models.get(0), models.get(1)), changes);
  }

  /** A table renamed changes how other objects compare: the whole models are compared. */
  @Test
  void aRenamedTableIsDiffedOnTheWholeModels() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("r"));
    write(dir, "0001_two", "base", "CREATE TABLE a (id BIGINT PRIMARY KEY);\n"
        + "CREATE TABLE b (id BIGINT PRIMARY KEY, a_id BIGINT REFERENCES a (id));\n");
    write(dir, "0002_rename", "0001_two", "ALTER TABLE a RENAME TO aa;\n");
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(dir));
    List<SchemaModel> models = Replay.of(graph).atEach(
        List.of(List.of("0001_two"), List.of("0002_rename")));
    List<Change> changes = SchemaDiff.between(models.get(0), models.get(1));
    assertEquals(SchemaDiff.everyObject(models.get(0), models.get(1)), changes);
    assertTrue(changes.stream().anyMatch(c -> c instanceof Change.TableRenamed), changes::toString);
  }

  @Test
  void journalsMeetWhereOneMapCopiedTheOther() {
    OrderedMap<String, Integer> a = new OrderedMap<>();
    a.put("x", 1);
    a.put("y", 2);
    OrderedMap<String, Integer> b = new OrderedMap<>();
    b.copyFrom(a);
    var fork = (OrderedMap.Snapshot<String, Integer>) a.snapshot();
    a.put("z", 3);
    b.put("w", 4);
    b.remove("x");
    b.put("y", 2); // put back as it was: still listed
    var left = (OrderedMap.Snapshot<String, Integer>) a.snapshot();
    var right = (OrderedMap.Snapshot<String, Integer>) b.snapshot();
    assertEquals(Optional.of(Set.of("z", "w", "x", "y")), left.differing(right, 10));
    assertEquals(Optional.of(Set.of("z", "w", "x", "y")), right.differing(left, 10));
    assertEquals(Optional.of(Set.of("z")), fork.differing(left, 10));
    assertEquals(Optional.of(Set.of()), left.differing(left, 0));
    assertEquals(Optional.empty(), left.differing(right, 2), "the limit is kept");

    OrderedMap<String, Integer> other = new OrderedMap<>(); // the same entries, made apart
    other.put("x", 1);
    other.put("y", 2);
    var apart = (OrderedMap.Snapshot<String, Integer>) other.snapshot();
    assertEquals(Optional.of(Set.of("x", "y")), apart.differing(fork, 10),
        "maps made apart meet at their empty start");
    assertEquals(Optional.empty(), apart.differing(fork, 1));
    assertEquals(List.of("x", "z"), left.inOrder(List.of("z", "x")));
    assertEquals(Map.of("x", 1, "y", 2), apart);
  }

  private static void write(Path dir, String id, String revises, String sql) throws Exception {
    Files.writeString(dir.resolve(id + ".sql"), "-- revision: " + id + "\n-- revises: " + revises
        + "\n\n-- +upgrade\n" + sql);
  }
}

package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelMerge#byChanges} (the merge from the keys the second side's journals recorded)
 * against {@link ModelMerge#byWalk} (the merge by walking every object): on random models forked
 * from a common ancestor into two sides changed at random ({@link RandomChanges}: the same key on
 * both sides, drops of what the other side changes, re-adds, values put back), as a replay forks
 * and merges them, the two give the same state: every map with its order of creation, the hand
 * edits, the {@code gone} and {@code touched} maps, and the indexes the hooks keep. Fixed seeds.
 *
 * <p>One index is compared only where it is defined: when the merge leaves two tables of one
 * schema with a key or unique constraint of one name (each side made one; PostgreSQL would
 * refuse the second, as their indexes share the namespace of relations; a replay reports that
 * merge as E0619, see {@code schema-errors/branch_constraint_name}, but these random changes bypass
 * the Applier), {@code ModelState.constraintIndex} names one of them, and which one depends on the
 * order the merge put them in.
 */
class ModelMergeTest {
  private static final int CASES = 400;

  @Test
  void byChangesGivesWhatTheWalkGives() {
    int changedOnBothSides = 0;
    int clashes = 0;
    for (long seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      RandomChanges changes = new RandomChanges(random);
      ModelState history = new ModelState();
      changes.apply(history, random.nextInt(40));
      // the replay keeps a copy where the graph forks, and carries the state on from it
      ModelState base = history.copy();
      ModelState a = side(base, changes, random);
      ModelState b = side(base, changes, random);
      Map<String, Object> baseBefore = view(base, true);
      Map<String, Object> aBefore = view(a, true);
      Map<String, Object> bBefore = view(b, true);
      String context = "seed " + seed;

      Optional<ModelState> byChanges = ModelMerge.byChanges(base, a, b);
      assertTrue(byChanges.isPresent(), context + ": both sides descend from the base");
      ModelState byWalk = ModelMerge.byWalk(base, a, b);
      boolean clash = constraintIndexClash(byWalk);
      clashes += clash ? 1 : 0;
      assertSameView(view(byWalk, !clash), view(byChanges.get(), !clash), context);
      assertEquals(baseBefore, view(base, true), context + ": the base is not changed");
      assertEquals(aBefore, view(a, true), context + ": the first side is not changed");
      assertEquals(bBefore, view(b, true), context + ": the second side is not changed");
      touchedChangesAreJournaled(base, byChanges.get(), context);
      if (changedKeys(base, a).stream().anyMatch(changedKeys(base, b)::contains)) {
        changedOnBothSides++;
      }

      // a third parent merged into the result, as RecursiveMerge.merge does for a merge of three
      ModelState c = side(base, changes, random);
      Optional<ModelState> third = ModelMerge.byChanges(base, byChanges.get(), c);
      assertTrue(third.isPresent(), context + ": the merge result continues the first side");
      ModelState thirdByWalk = ModelMerge.byWalk(base, byWalk, c);
      clash = clash || constraintIndexClash(thirdByWalk);
      assertSameView(view(thirdByWalk, !clash), view(third.get(), !clash),
          context + ", third parent");
    }
    // the cases are not all disjoint changes: many change some key on both sides (206 of 400),
    // few merge into a constraint index name clash (32)
    assertTrue(changedOnBothSides > CASES / 3, "cases changing a key on both sides: "
        + changedOnBothSides);
    assertTrue(clashes < CASES / 10, "cases with a constraint index name clash: " + clashes);
  }

  @Test
  void byChangesGivesUpWhenTheSecondSideDoesNotDescendFromTheBase() {
    for (long seed = 0; seed < 50; seed++) {
      Random random = new Random(seed);
      RandomChanges changes = new RandomChanges(random);
      ModelState base = new ModelState();
      changes.apply(base, random.nextInt(20));
      ModelState a = side(base, changes, random);
      ModelState b = side(base, changes, random);
      // a base the sides do not descend from: a later state of it (as a base that is itself a
      // merge of several common ancestors is)
      ModelState later = base.copy();
      later.putTable(Models.table("only_in_the_base", List.of(), List.of()));
      assertEquals(Optional.empty(), ModelMerge.byChanges(later, a, b).map(s -> view(s, true)),
          "seed " + seed);
    }
  }

  /**
   * A copy of {@code base} changed at random (one in eight not at all), sometimes through a
   * second copy on the way.
   */
  private static ModelState side(ModelState base, RandomChanges changes, Random random) {
    ModelState side = base.copy();
    changes.apply(side, random.nextInt(8) == 0 ? 0 : 2 + random.nextInt(15));
    if (random.nextInt(3) == 0) {
      side = side.copy();
      changes.apply(side, random.nextInt(6));
    }
    return side;
  }

  /**
   * What the branch-conflict check of a later parent reads of a merge result: the touched keys
   * it changed since the base, through its journal when it has one. Each key whose origin differs
   * from the base's must be in it.
   */
  private static void touchedChangesAreJournaled(ModelState base, ModelState merged,
      String context) {
    Optional<Set<ModelState.Key>> journaled = merged.touched.changedSince(base.touched);
    assertTrue(journaled.isPresent(), context + ": the touched map continues the base's");
    for (Map.Entry<ModelState.Key, Origin> entry : merged.touched.entrySet()) {
      if (!entry.getValue().equals(base.touched.get(entry.getKey()))) {
        assertTrue(journaled.get().contains(entry.getKey()),
            context + ": touched key " + entry.getKey() + " changed but not journaled");
      }
    }
  }

  /** The keys (as {@code map key}) whose value differs between {@code base} and {@code side}. */
  private static Set<String> changedKeys(ModelState base, ModelState side) {
    Set<String> out = new java.util.HashSet<>();
    changed("schemas", base.schemas, side.schemas, out);
    changed("types", base.types, side.types, out);
    changed("otherTypes", base.otherTypes, side.otherTypes, out);
    changed("sequences", base.sequences, side.sequences, out);
    changed("tables", base.tables, side.tables, out);
    changed("indexes", base.indexes, side.indexes, out);
    changed("views", base.views, side.views, out);
    changed("routines", base.routines, side.routines, out);
    changed("triggers", base.triggers, side.triggers, out);
    changed("extensions", base.extensions, side.extensions, out);
    changed("implicitSequences", base.implicitSequences, side.implicitSequences, out);
    changed("opaqueTables", base.opaqueTables, side.opaqueTables, out);
    changed("gone", base.gone, side.gone, out);
    changed("touched", base.touched, side.touched, out);
    return out;
  }

  private static <K, V> void changed(String map, Map<K, V> base, Map<K, V> side,
      Set<String> out) {
    Set<K> keys = new java.util.HashSet<>(base.keySet());
    keys.addAll(side.keySet());
    for (K key : keys) {
      if (!java.util.Objects.equals(base.get(key), side.get(key))) {
        out.add(map + " " + key);
      }
    }
  }

  /**
   * Everything a state holds, comparable with {@code equals}: each map as its entries in order,
   * the hand edits, {@code gone} and {@code touched} sorted by key, and what each index the
   * hooks keep answers for every name of {@link RandomChanges}' pools; without {@code
   * constraintIndexes}, not what reads the table of each constraint index.
   */
  private static Map<String, Object> view(ModelState s, boolean constraintIndexes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schemas", entries(s.schemas));
    out.put("types", entries(s.types));
    out.put("otherTypes", entries(s.otherTypes));
    out.put("sequences", entries(s.sequences));
    out.put("tables", entries(s.tables));
    out.put("indexes", entries(s.indexes));
    out.put("views", entries(s.views));
    out.put("routines", entries(s.routines));
    out.put("triggers", entries(s.triggers));
    out.put("extensions", entries(s.extensions));
    out.put("implicitSequences", entries(s.implicitSequences));
    out.put("opaqueTables", entries(s.opaqueTables));
    out.put("handEdits", List.copyOf(s.handEdits));
    out.put("gone", new TreeMap<>(s.gone));
    out.put("touched", new TreeMap<>(s.touched));
    out.put("model", s.model());
    for (String schema : RandomChanges.SCHEMAS) {
      for (String relation : RandomChanges.RELATIONS) {
        ObjectName name = new ObjectName(schema, relation);
        out.put("referencing " + name, s.referencing(name));
        out.put("partitionsOf " + name, s.partitionsOf(name));
        out.put("indexesOn " + name, s.indexesOn(name));
        out.put("triggersOn " + name, s.triggersOn(name));
        out.put("sequencesOwnedBy " + name, s.sequencesOwnedBy(name));
        out.put("implicitSequencesOf " + name, s.implicitSequencesOf(name));
        out.put("readersOf " + name, s.readersOf(name));
        if (constraintIndexes) {
          out.put("relationTaken " + name, s.relationTaken(name));
          out.put("relationOrigin " + name, s.relationOrigin(name));
        }
      }
      for (String type : RandomChanges.TYPES) {
        out.put("usersOf " + schema + "." + type, s.usersOf(new ObjectName(schema, type)));
      }
      for (String routine : RandomChanges.ROUTINES) {
        out.put("routinesNamed " + schema + "." + routine,
            s.routinesNamed(new ObjectName(schema, routine)));
      }
      for (String constraint : RandomChanges.CONSTRAINTS) {
        if (constraintIndexes) {
          out.put("constraintIndex " + schema + "." + constraint,
              s.constraintIndex(new ObjectName(schema, constraint)));
        }
        out.put("constraintNameUsed " + schema + "." + constraint,
            s.constraintNameUsed(schema, constraint));
      }
    }
    return out;
  }

  /** Whether two tables of one schema have a key or unique constraint of one name. */
  private static boolean constraintIndexClash(ModelState s) {
    return s.tables.values().stream().anyMatch(table -> table.constraints().stream()
        .anyMatch(c -> RandomChanges.taken(s, table.name(), c)));
  }

  /** {@code assertEquals} on two views, naming the parts that differ. */
  private static void assertSameView(Map<String, Object> expected, Map<String, Object> actual,
      String context) {
    if (!expected.equals(actual)) {
      StringBuilder message = new StringBuilder(context + ": the merges differ in");
      expected.forEach((part, value) -> {
        if (!value.equals(actual.get(part))) {
          message.append("\n  ").append(part).append(": by the walk ").append(value)
              .append("\n    by changes ").append(actual.get(part));
        }
      });
      throw new AssertionError(message);
    }
  }

  private static <K, V> List<List<Object>> entries(Map<K, V> map) {
    List<List<Object>> out = new ArrayList<>();
    map.forEach((key, value) -> out.add(List.of(key, value)));
    return out;
  }
}

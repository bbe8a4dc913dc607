// Times rendering in process, for the render part of issue 13 (see docs/performance.md).
//
//   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp 'dist/target/strata/lib/*' \
//       bench/RenderBench.java DIR [RUNS] [DIALECT]
//
// A single-file program (java runs the source), not part of the build. In one fresh JVM, with the
// launcher's flags: reads DIR, builds the graph, plans `upgrade base:head`, then renders the script
// RUNS + 1 times (default RUNS 5) for DIALECT (default postgresql) with the default options (guards
// on, one transaction): Renderer.renderScript, the stage between planning and writing (no lint,
// which `strata upgrade` also runs). For a dialect that renders from the schema model the replay
// along the plan is made once, outside the timing. The first render is what a CLI process pays
// (cold); the median of the next RUNS is the warm cost, in wall-clock and in CPU time of the
// rendering thread. Prints one line of key=value pairs (milliseconds), with the script's size and
// the SHA-256 of its text, so that two builds can be checked to write the same bytes.

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.ast.Direction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

public final class RenderBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Dialect dialect = args.length > 2 ? Dialect.of(dev.strata.grammar.DialectId.byId(args[2]).orElseThrow()) : Dialect.POSTGRESQL;
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.read(dir).files());
    Plan plan = new Planner(graph).plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:head"));
    ScriptOptions options = ScriptOptions.defaults("bench");
    Renderer renderer = Renderer.forDialect(dialect);
    Replay replay = Replay.of(graph, dialect.dialectId());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    String text = null;
    for (int i = 0; i <= runs; i++) {
      System.gc();
      long c = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      RenderedScript script = renderer.renderScript(plan, options, replay);
      wall.add((System.nanoTime() - s) / 1e6);
      cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
      text = script.text();
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    System.out.printf("revisions=%d dialect=%s first_ms=%.0f median_ms=%.0f cpu_median_ms=%.0f"
        + " bytes=%d sha256=%s%n", plan.steps().size(), dialect.id(), wall.get(0),
        median(wall.subList(1, wall.size())), median(cpu.subList(1, cpu.size())), bytes.length,
        sha.substring(0, 16));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}

// Times the schema replay in process, for bench/replay.sh (see docs/performance.md).
//
//   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp 'dist/target/strata/lib/*' \
//       bench/ReplayBench.java DIR [RUNS]
//
// A single-file program (java runs the source), not part of the build. In one fresh JVM, with
// the launcher's flags: reads and parses DIR (VersionsLoader), builds the graph, then replays it
// RUNS + 1 times (default RUNS 5) each way: Replay.of(graph).at(heads), the model `strata schema`
// answers, and Replay.of(graph).diagnostics(), the pass `strata check` runs. The first replay is
// what a CLI process pays (cold: classes loaded, code interpreted); the median of the next RUNS
// is the warm cost. cpu_at_ms and cpu_check_ms are the warm medians in CPU time of the replaying
// thread (ThreadMXBean): unlike wall-clock time they do not grow when other processes take the
// cores, and leave out the collector's pauses (serial GC runs in another thread). Prints one line
// of key=value pairs, milliseconds.

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.Diagnostic;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

public final class ReplayBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long t0 = System.nanoTime();
    var contents = VersionsLoader.read(dir);
    long t1 = System.nanoTime();
    RevisionGraph graph = RevisionGraph.build(contents.files());
    long t2 = System.nanoTime();
    List<String> heads = graph.heads();
    Timed at = time(runs, () -> {
      SchemaModel model = Replay.of(graph).at(heads);
      return model.tables().size();
    });
    Timed checks = time(runs, () -> {
      List<Diagnostic> diagnostics = Replay.of(graph).diagnostics();
      return diagnostics.size();
    });
    System.out.printf(
        "revisions=%d parse_ms=%.0f graph_ms=%.0f at_first_ms=%.0f at_median_ms=%.0f"
            + " check_first_ms=%.0f check_median_ms=%.0f cpu_at_ms=%.0f cpu_check_ms=%.0f"
            + " tables=%d diagnostics=%d%n",
        graph.revisions().size(), ms(t1 - t0), ms(t2 - t1), at.first, at.median,
        checks.first, checks.median, at.cpu, checks.cpu, at.result, checks.result);
  }

  record Timed(double first, double median, double cpu, int result) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  static Timed time(int runs, Callable<Integer> task) throws Exception {
    long s = System.nanoTime();
    int result = task.call();
    double first = ms(System.nanoTime() - s);
    List<Double> warm = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      long c = THREADS.getCurrentThreadCpuTime();
      s = System.nanoTime();
      task.call();
      warm.add(ms(System.nanoTime() - s));
      cpu.add(ms(THREADS.getCurrentThreadCpuTime() - c));
    }
    return new Timed(first, warm.isEmpty() ? first : median(warm),
        cpu.isEmpty() ? first : median(cpu), result);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }
}

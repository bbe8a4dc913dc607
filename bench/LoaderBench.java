// Times reading and parsing a versions directory in process (VersionsLoader.read), for the front
// end's figures in docs/performance.md.
//
//   bench/generate.sh 10000 /tmp/c10k
//   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp 'dist/target/strata/lib/*' \
//       bench/LoaderBench.java /tmp/c10k [RUNS]
//
// A single-file program (java runs the source), not part of the build. In one fresh JVM with the
// launcher's flags, reads DIR RUNS + 1 times (default RUNS 7): the first read is what a CLI process
// pays (classes loaded, code interpreted), the median of the next RUNS the warm cost, in wall-clock
// time and in CPU time of all threads (which other processes on the machine disturb less). Also prints
// the bytes allocated per revision by the reading threads over the warm runs (the calling thread
// and the common pool's, through com.sun.management.ThreadMXBean), and the files, so that a run
// that failed to parse shows. -Dstrata.lexer=antlr runs the generated lexer instead of the
// hand-written one. One line of key=value pairs, milliseconds.

import dev.strata.compiler.VersionsLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public final class LoaderBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    var first = VersionsLoader.read(dir);
    long cold = System.nanoTime() - t0;
    List<Long> warm = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    long allocated = 0;
    for (int i = 0; i < runs; i++) {
      long before = totalAllocated(threads);
      long cpuBefore = totalCpu(threads);
      long start = System.nanoTime();
      var contents = VersionsLoader.read(dir);
      warm.add(System.nanoTime() - start);
      cpu.add(totalCpu(threads) - cpuBefore);
      allocated += totalAllocated(threads) - before;
      if (contents.files().size() != first.files().size()) {
        throw new IllegalStateException("runs differ");
      }
    }
    Collections.sort(warm);
    Collections.sort(cpu);
    long median = warm.get(warm.size() / 2);
    int files = first.files().size();
    System.out.printf("files=%d problems=%d lexer=%s cold_ms=%.1f warm_median_ms=%.1f"
            + " warm_min_ms=%.1f warm_cpu_median_ms=%.1f alloc_kb_per_revision=%.1f%n",
        files, first.diagnostics().size(), System.getProperty("strata.lexer", "default"),
        cold / 1e6, median / 1e6, warm.get(0) / 1e6, cpu.get(cpu.size() / 2) / 1e6,
        allocated / 1024.0 / runs / Math.max(1, files));
  }

  /** CPU time of every live thread (the pool's and the caller's; the serial GC's is not one). */
  private static long totalCpu(com.sun.management.ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos > 0) {
        sum += nanos;
      }
    }
    return sum;
  }

  private static long totalAllocated(com.sun.management.ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long bytes = threads.getThreadAllocatedBytes(id);
      if (bytes > 0) {
        sum += bytes;
      }
    }
    return sum;
  }
}

// Times the parse cache in process (see docs/performance.md, "Parse cache").
//
//   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp 'dist/target/strata/lib/*' \
//       bench/CacheBench.java DIR CACHE_DIR MODE
//
// A single-file program (java runs the source), not part of the build. MODE is `none` (parse
// every file, no cache), `cold` (empty CACHE_DIR: parse every file and write the pack) or `warm`
// (read the pack CACHE_DIR holds). It loads DIR once in this fresh JVM, as a CLI process does,
// and prints one line of key=value pairs: the load's wall-clock milliseconds, the files the
// cache served and parsed, whether it wrote the pack, and the pack's size. Run it in a new JVM per
// measurement: the first load in a process is the figure that matters. cpu_ms is the CPU time of
// the whole process during the load (all threads, the collector included): on a shared machine it
// grows far less than the wall-clock time when other processes take the cores.

import dev.strata.compiler.ParseCache;
import dev.strata.compiler.VersionsLoader;
import java.nio.file.Files;
import java.nio.file.Path;

public final class CacheBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path cacheDir = Path.of(args[1]);
    String mode = args[2];
    ParseCache cache = mode.equals("none") ? ParseCache.none() : ParseCache.in(cacheDir, "bench");
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    var counted = VersionsLoader.readCounting(dir, cache);
    long t1 = System.nanoTime();
    long c1 = os.getProcessCpuTime();
    long packBytes = cache.pack(dir).filter(Files::exists).map(p -> {
      try {
        return Files.size(p);
      } catch (java.io.IOException e) {
        return -1L;
      }
    }).orElse(0L);
    System.out.printf("mode=%s revisions=%d load_ms=%.1f cpu_ms=%.1f hits=%d misses=%d written=%b"
            + " pack_mb=%.1f%n", mode, counted.contents().files().size(), (t1 - t0) / 1e6, (c1 - c0) / 1e6,
        counted.stats().hits(), counted.stats().misses(), counted.stats().written(),
        packBytes / 1048576.0);
  }
}

package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decompression bombs: {@code strata verify} refuses them in bounded memory, in a JVM with a
 * 256 MiB heap ({@code -Xmx256m}, forked, with the launcher's JIT and GC flags, as a user runs
 * it), with the exact diagnostic and exit code 1. The time each took is printed, not asserted;
 * {@code docs/bundle-format.md} records it.
 */
class VerifyBombTest {
  private static final String ROOT = "strata-base-0001_a-postgresql/";
  private static final String TOO_LARGE = "  = help: no strata bundle is that large; it may be a"
      + " decompression bomb: do not extract it\n";
  private static final int CHUNK = 1 << 20;

  @TempDir Path tmp;

  /** The report: a 1.2 MB gzip expanding to 1.2 GB took 16 s and 2.2 GB, or died of OOM. */
  @Test
  void aGzipBombIsRefusedAtItsHeaderWith256MiB() throws Exception {
    Path bomb = tmp.resolve("bomb.tar.gz");
    long size = 1_200_000_000L;
    Files.write(bomb, gzipBomb(List.of(size)));
    assertTrue(Files.size(bomb) < 1_300_000, "a 1.2 MB file: " + Files.size(bomb));
    assertExpands(bomb, size);
    assertRefused(bomb, "entry '" + ROOT + "upgrade.sql' is 1200000000 bytes unpacked, more than"
        + " the 134216704 left of the 134217728 bytes a bundle may hold");
  }

  @Test
  void aGzipBombOfManyEntriesIsRefusedAtTheLimitWith256MiB() throws Exception {
    Path bomb = tmp.resolve("many.tar.gz");
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sizes.add(100L * CHUNK);
    }
    Files.write(bomb, gzipBomb(sizes));
    assertRefused(bomb, "entry '" + ROOT + "upgrade1.sql' is 104857600 bytes unpacked, more"
        + " than the 29358592 left of the 134217728 bytes a bundle may hold");
  }

  @Test
  void aZipBombIsRefusedWith256MiB() throws Exception {
    Path bomb = tmp.resolve("bomb.zip");
    Files.write(bomb, zipBomb(1_200_000_000L));
    assertRefused(bomb, "entry '" + ROOT + "upgrade.sql' is 1200000000 bytes unpacked, more than"
        + " the 134217728 left of the 134217728 bytes a bundle may hold");
  }

  @Test
  void anArchiveOfAHundredThousandEntriesIsRefusedWith256MiB() throws Exception {
    List<Archives.Entry> entries = new ArrayList<>();
    entries.add(new Archives.Entry(ROOT, BundleReader.Kind.DIRECTORY, new byte[0]));
    String name = ROOT + "sources/" + "n".repeat(50);
    for (int i = 0; i < 100_000; i++) {
      entries.add(Archives.Entry.file(name + i + ".sql", ""));
    }
    Path bomb = tmp.resolve("entries.tar.gz");
    Files.write(bomb, Archives.gzip(Archives.tar(entries)));
    assertRefused(bomb, "holds more entries, names and script headers than the 33554432 bytes"
        + " verify keeps in memory, which no strata bundle does");
  }

  /** Runs verify in a new JVM with a 256 MiB heap; asserts its output and exit code. */
  private static void assertRefused(Path bomb, String problem) {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        "dev.strata.cli.Main", "verify", bomb.toString());
    long start = System.nanoTime();
    PostgresServer.ProcessResult result = PostgresServer.run(command, Map.of());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("verify " + bomb.getFileName() + " with -Xmx256m: " + millis + " ms");
    assertEquals("strata: error[E0533]: " + bomb + ": " + problem + "\n" + TOO_LARGE,
        result.stderr());
    assertEquals("", result.stdout());
    assertEquals(1, result.exitCode());
  }

  /** The bomb really expands: its first 4 MiB decompress to the tar headers and zeros. */
  private static void assertExpands(Path bomb, long size) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(bomb))) {
      byte[] start = in.readNBytes(4 * CHUNK);
      assertEquals(4 * CHUNK, start.length);
      assertEquals(ROOT, new String(start, 0, ROOT.length(), StandardCharsets.UTF_8));
      assertEquals(Long.toOctalString(size), new String(start, 512 + 124, 11,
          StandardCharsets.US_ASCII).replaceFirst("^0+", ""));
      assertArrayEquals(new byte[1024], java.util.Arrays.copyOfRange(start, 2048, 3072));
    }
  }

  /**
   * A {@code .tar.gz} of the top folder and one file of zeros per size, each named {@code
   * upgrade<N>.sql}, the first {@code upgrade.sql}: one megabyte of zeros is deflated once, after a
   * full flush, and its bytes repeated, so that gigabytes cost milliseconds to build.
   */
  static byte[] gzipBomb(List<Long> sizes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    CRC32 crc = new CRC32();
    long total = 0;
    byte[] zeros = new byte[CHUNK];
    byte[] megabyte = null;
    List<Archives.Entry> folder = List.of(new Archives.Entry(ROOT, BundleReader.Kind.DIRECTORY,
        new byte[0]));
    byte[] head = Archives.withoutEnd(Archives.tar(folder));
    for (int i = 0; i < sizes.size(); i++) {
      long size = sizes.get(i);
      String name = ROOT + "upgrade" + (i == 0 ? "" : String.valueOf(i)) + ".sql";
      byte[] header = Archives.patchHeader(Archives.tar(List.of(Archives.Entry.file(name, ""))),
          name, h -> Archives.put(h, 124, String.format("%011o", size)), true);
      head = Archives.concat(head, java.util.Arrays.copyOf(header, 512));
      total += deflate(deflater, head, crc, out);
      head = new byte[0];
      long left = size + (512 - size % 512) % 512;
      for (; left >= CHUNK; left -= CHUNK) {
        if (megabyte == null) {
          ByteArrayOutputStream one = new ByteArrayOutputStream();
          deflate(deflater, zeros, new CRC32(), one);
          megabyte = one.toByteArray();
        }
        out.write(megabyte);
        crc.update(zeros);
        total += CHUNK;
      }
      head = new byte[(int) left];
    }
    head = Archives.concat(head, new byte[1024]);
    crc.update(head);
    total += head.length;
    deflater.setInput(head);
    deflater.finish();
    byte[] buffer = new byte[65536];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt((int) crc.getValue()).putInt((int) total);
    out.write(trailer.array());
    return out.toByteArray();
  }

  /** Deflates {@code bytes} with a full flush (nothing after refers back); returns its length. */
  private static long deflate(Deflater deflater, byte[] bytes, CRC32 crc, OutputStream out)
      throws IOException {
    crc.update(bytes);
    deflater.setInput(bytes);
    byte[] buffer = new byte[65536];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return bytes.length;
  }

  /** A zip whose one file declares {@code size} bytes (its data a few deflated zeros). */
  private static byte[] zipBomb(long size) throws IOException {
    byte[] zip = Archives.zip(List.of(new Archives.Entry(ROOT, BundleReader.Kind.DIRECTORY,
        new byte[0]), new Archives.Entry(ROOT + "upgrade.sql", BundleReader.Kind.FILE,
        new byte[1000])));
    int record = Archives.zipRecord(zip, 0x02014b50, ROOT + "upgrade.sql");
    Archives.putInt(zip, record + 24, (int) size);
    int local = Archives.zipRecord(zip, 0x04034b50, ROOT + "upgrade.sql");
    int descriptor = local + 30 + (ROOT + "upgrade.sql").length()
        + Archives.getInt(zip, record + 20);
    Archives.putInt(zip, descriptor + 12, (int) size);
    return zip;
  }
}

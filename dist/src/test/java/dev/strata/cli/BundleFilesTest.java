package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BundleFiles}: every file reads back as written, with its size and SHA-256, from memory
 * and from the temporary file beyond the limit, in any order; misuse is refused.
 */
class BundleFilesTest {

  @Test
  void smallFilesStayInMemoryAndReadBackWithTheirChecksums() throws IOException {
    try (BundleFiles files = new BundleFiles()) {
      files.put("b.txt", "bravo\n");
      files.put("a/é.sql", "SELECT 'ça ∑ 😀';\n");
      files.put("empty", "");
      assertFalse(files.inFile());
      assertEquals(List.of("a/é.sql", "b.txt", "empty"), List.copyOf(files.contents().keySet()));
      for (String path : files.contents().keySet()) {
        byte[] expected = switch (path) {
          case "b.txt" -> utf8("bravo\n");
          case "a/é.sql" -> utf8("SELECT 'ça ∑ 😀';\n");
          default -> new byte[0];
        };
        assertArrayEquals(expected, read(files, path), path);
        assertEquals(expected.length, files.content(path).size(), path);
        assertEquals(Sha256.hex(expected), files.content(path).sha256(), path);
      }
    }
  }

  @Test
  void filesBeyondTheLimitMoveToTheTemporaryFileAndReadBackInAnyOrder() throws IOException {
    Random random = new Random(13);
    Map<String, byte[]> written = new LinkedHashMap<>();
    try (BundleFiles files = new BundleFiles(1000)) {
      for (int i = 0; i < 40; i++) {
        byte[] bytes = new byte[i == 7 ? 300_000 : random.nextInt(400)];
        random.nextBytes(bytes);
        String path = "f/" + (39 - i);
        try (OutputStream out = files.create(path)) {
          // in pieces of every size, as a writer hands them over
          for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(70_000));
            if (n == 1) {
              out.write(bytes[at]);
            } else {
              out.write(bytes, at, n);
            }
            at += n;
          }
        }
        written.put(path, bytes);
        if (i == 1) {
          assertFalse(files.inFile(), "under 1000 bytes so far");
        }
      }
      assertTrue(files.inFile());
      List<String> order = new ArrayList<>(written.keySet());
      java.util.Collections.shuffle(order, random);
      for (String path : order) {
        assertArrayEquals(written.get(path), read(files, path), path);
        assertEquals(written.get(path).length, files.content(path).size(), path);
        assertEquals(Sha256.hex(written.get(path)), files.content(path).sha256(), path);
      }
      // a file written after some were read back is appended after them
      files.put("z", "last");
      assertArrayEquals(utf8("last"), read(files, "z"));
      assertArrayEquals(written.get("f/39"), read(files, "f/39"));
    }
  }

  @Test
  void textIsUtf8AsStringGetBytesEncodesIt() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      text.append(i % 7 == 0 ? "é" : i % 11 == 0 ? "😀" : i % 13 == 0 ? "\r\n" : "x");
    }
    try (BundleFiles files = new BundleFiles(10_000)) {
      files.put("t", text.toString());
      assertTrue(files.inFile());
      assertArrayEquals(utf8(text.toString()), read(files, "t"));
    }
  }

  @Test
  void misuseIsRefused() throws IOException {
    BundleFiles files = new BundleFiles();
    files.put("a", "x");
    assertThrows(IllegalArgumentException.class, () -> files.create("a"), "written twice");
    for (String bad : List.of("", "/a", "a/../b", "a//b", "a\\b", "./a", "a\n")) {
      assertThrows(IllegalArgumentException.class, () -> files.create(bad), bad);
    }
    OutputStream open = files.create("b");
    assertThrows(IllegalStateException.class, () -> files.create("c"), "one file at a time");
    open.close();
    open.close();
    assertThrows(IOException.class, () -> open.write(1), "a closed file is not written");
    assertEquals(List.of("a", "b"), List.copyOf(files.contents().keySet()));
    assertThrows(IllegalArgumentException.class, () -> files.content("c"));
    files.close();
    files.close();
    assertThrows(IllegalStateException.class, () -> read(files, "a"), "closed");
    assertThrows(IllegalStateException.class, () -> files.create("d"), "closed");
  }

  @Test
  void aFileLeftOpenWhenTheFilesAreClosedIsNotRecorded() throws IOException {
    BundleFiles files = new BundleFiles(0);
    OutputStream out = files.create("a");
    out.write(utf8("partial"));
    assertTrue(files.inFile());
    files.close();
    assertThrows(IllegalStateException.class, () -> out.write(1));
    out.close();
    assertTrue(files.contents().isEmpty());
  }

  private static byte[] read(BundleFiles files, String path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.copy(path, out);
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

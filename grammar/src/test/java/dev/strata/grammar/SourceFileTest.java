package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceFile#decode}: strict UTF-8, and E0207 at the line and column of the first byte that
 * is not UTF-8 (columns counted in UTF-16 chars, as every other diagnostic counts them), showing
 * the line as far as it decodes.
 */
class SourceFileTest {
  @Test
  void decodesUtf8Exactly() throws Exception {
    String text = "-- message: café 😀\r\n-- +upgrade\n";
    assertEquals(new SourceFile("a.sql", text),
        SourceFile.decode("a.sql", text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(new SourceFile("e.sql", ""), SourceFile.decode("e.sql", new byte[0]));
  }

  @Test
  void aLatin1ByteIsReportedAtItsLineAndColumn() {
    byte[] bytes = bytes("-- revision: 0001_a\n-- revises: base\n-- message: caf", 0xe9,
        " au lait\n\n-- +upgrade\n");
    assertEquals("""
        v/0001_a.sql:3:16: error[E0207]: not valid UTF-8: byte 0xE9 (at byte offset 52)
          3 | -- message: caf
            |                ^
          = help: save the file as UTF-8; if it was written as Windows-1252 or Latin-1: iconv -f\
         WINDOWS-1252 -t UTF-8 'v/0001_a.sql' > 'v/0001_a.sql.utf8' && mv 'v/0001_a.sql.utf8'\
         'v/0001_a.sql'
        """, error("v/0001_a.sql", bytes).format());
  }

  /** The report: a UTF-16 file was told to convert from Windows-1252, which gives NUL bytes. */
  @Test
  void aUtf16FileIsToldToConvertFromUtf16() {
    byte[] bytes = bytes("", 0xff, "", 0xfe, "-\0-\0");
    assertEquals("""
        v/0001_a.sql:1:1: error[E0207]: not valid UTF-8: byte 0xFF (at byte offset 0)
          1 |\s
            | ^
          = help: save the file as UTF-8; it was written as UTF-16 (it starts with a UTF-16\
         byte-order mark): iconv -f UTF-16 -t UTF-8 'v/0001_a.sql' > 'v/0001_a.sql.utf8' && mv\
         'v/0001_a.sql.utf8' 'v/0001_a.sql'
        """, error("v/0001_a.sql", bytes).format());
  }

  @Test
  void columnsCountUtf16CharsAndLinesCountLineFeedsOnly() {
    // 'é' is one char in two bytes, '😀' two chars in four bytes, a CRLF ends a line as LF does
    byte[] bytes = bytes("a\r\nb\n-- é😀x", 0xff, "y\n");
    Diagnostic error = error("x.sql", bytes);
    assertEquals(new Span(3, 8, 1), error.location().orElseThrow().span());
    assertEquals("not valid UTF-8: byte 0xFF (at byte offset 15)", error.message());
    assertEquals("-- é😀x", error.location().orElseThrow().source().line(3));
  }

  /** Found by the fuzzer: a lone CR ended the printed line, so the caret pointed past it. */
  @Test
  void aLoneCarriageReturnStaysInItsLineAsPrinted() {
    SourceFile file = new SourceFile("x.sql", "a\r\n-- message: hi\rSELECT 1;\nlast");
    assertEquals("a", file.line(1));
    assertEquals("-- message: hi\u240DSELECT 1;", file.line(2));
    assertEquals("last", file.line(3));
    assertEquals("", file.line(4));
    assertEquals("", file.line(0));
    Diagnostic error = Diagnostic.error("E0114", "statement outside a section", file,
        new Span(2, 16, 6));
    assertEquals("""
        x.sql:2:16: error[E0114]: statement outside a section
          2 | -- message: hi\u240DSELECT 1;
            |                ^^^^^^
        """, error.format());
  }

  @Test
  void theFirstBadByteOfASequenceIsReported() {
    // a lead byte followed by no continuation byte, at the start of a line
    assertEquals(new Span(2, 1, 1), span(bytes("ok\n", 0xc3, "(\n")));
    // a sequence cut by the end of the file
    assertEquals(new Span(1, 3, 1), span(bytes("ab", 0xe2, 0x82)));
    // an overlong encoding of '/' and an encoded surrogate are not UTF-8 either
    assertEquals(new Span(1, 2, 1), span(bytes("a", 0xc0, 0xaf)));
    assertEquals(new Span(1, 1, 1), span(bytes("", 0xed, 0xa0, 0x80)));
  }

  private static Span span(byte[] bytes) {
    return error("x.sql", bytes).location().orElseThrow().span();
  }

  private static Diagnostic error(String path, byte[] bytes) {
    DiagnosticException e =
        assertThrows(DiagnosticException.class, () -> SourceFile.decode(path, bytes));
    assertEquals(1, e.diagnostics().size());
    assertEquals("E0207", e.diagnostics().getFirst().code());
    return e.diagnostics().getFirst();
  }

  /** Strings as UTF-8 and integers as single bytes, concatenated. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }
}

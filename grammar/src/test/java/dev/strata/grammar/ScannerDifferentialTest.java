package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.ANTLRInputStream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StrataScanner} against the generated {@link StrataLexer}, token for token (type, text,
 * channel, start and stop, line, column, token index through a {@link CommonTokenStream}, and the
 * EOF tokens and mode and open position after the end): on every corpus of the repository (the
 * versions directory, every {@code *.sql} under a module's test resources, the bench generators'
 * chains), each also with CRLF, lone CR and a byte-order mark; on hand-picked edge cases; on every
 * UTF-16 char in several contexts; and on random strings over the token alphabet (fixed seed).
 * The parse of every corpus file gives the same tree or the same diagnostics with either lexer.
 */
class ScannerDifferentialTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void repositoryCorporaGiveTheSameTokensAndTheSameParse() throws IOException {
    List<Path> files = corpusFiles();
    assertTrue(files.size() > 500, "corpus files found: " + files.size());
    int tokens = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String name = REPO.relativize(file).toString();
      tokens += assertSameTokens(name, text);
      assertSameTokens(name + " (CRLF)", text.replace("\n", "\r\n"));
      assertSameTokens(name + " (CR)", text.replace("\n", "\r"));
      assertSameTokens(name + " (BOM)", "\uFEFF" + text);
      assertSameParse(name, text);
      assertSameParse(name + " (CRLF)", text.replace("\n", "\r\n"));
    }
    assertTrue(tokens > 10_000, "tokens compared: " + tokens);
  }

  @Test
  void benchChainsGiveTheSameTokens(@TempDir Path tmp) throws Exception {
    for (List<String> generator : List.of(List.of("generate.sh"), List.of("generate.sh", "--dml"),
        List.of("generate-mixed.sh"))) {
      String script = String.join(" ", generator);
      Path dir = tmp.resolve(script.replace(' ', '_'));
      List<String> command = new ArrayList<>(List.of("bash",
          REPO.resolve("bench/" + generator.getFirst()).toString()));
      command.addAll(generator.subList(1, generator.size()));
      command.addAll(List.of("120", dir.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, process.waitFor(), script + ": " + output);
      try (Stream<Path> list = Files.list(dir)) {
        List<Path> chain = list.sorted().toList();
        assertEquals(120, chain.size(), script);
        for (Path file : chain) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          assertSameTokens(script + " " + file.getFileName(), text);
          assertSameParse(script + " " + file.getFileName(), text);
        }
      }
    }
  }

  @Test
  void edgeCasesGiveTheSameTokens() {
    List<String> cases = new ArrayList<>();
    for (Keywords.Keyword keyword : Keywords.all()) {
      String word = keyword.word();
      cases.add(word + " " + word.toUpperCase(Locale.ROOT) + " " + mixedCase(word) + " " + word
          + "x x" + word + " " + word + "1 " + word + "$ _" + word + " " + word + "\u00e9");
    }
    cases.addAll(List.of(
        "", " ", "\n", "\r", "\r\n", "\n\r", "\uFEFF", "\uFEFF\uFEFF", "\uFEFFa", "\uFEFF\uFEFFab",
        "\uFEFF -- +upgrade", "\uFEFF-- revision: a\n-- +upgrade\n", "a\uFEFF", " \uFEFFb",
        "\"a\"\"b\"", "\"\"", "\"\"\"", "\"\"\"\"", "\"abc", "\"a\"\"", "\"a\nb\"",
        "'it''s'", "''", "'''", "''''", "'abc", "'a''", "'a\nb' x", "'a'  'b'",
        "e'a\\'b'", "E'\\\\'", "e'\\''", "e'''", "e'\\", "e'a\\", "e'a''\\", "e''", "E'x''y'",
        "ex'a'", "e 'a'", "e", "E", "e'\n\\\n'",
        "$$body$$", "$$", "$", "$$ never closed", "$tag$ a $tog$ $tag$ b", "$tag$ x $TAG$ y",
        "$a$$a$", "$a$ $a", "$1", "$12$3", "$a", "$a b$", "$_1$ x $_1$", "$\u00e9$ x $\u00e9$",
        "$a$ $ $$ $a$", "x$y", "a$$b", "$1a",
        "/* a */ b", "/* /* nested */ still */ x", "/* open", "/* /* */ open", "/*/ x */", "/**/",
        "/*/", "/* a **/ b", "a/b", "a*/b", "/* x\n y */\nz", "/* unterminated\n\n",
        "1e10", ".5", "1.", "1.e5", "1.5e-3", "1e", "1e+", "1E+5x", "1..2", "1.2.3", ".e5", ".",
        "..", "0x1F", "12abc", "1_000", "1.5E", "007",
        "::", ":::", ":", "=", "==", "=>", "<>", "<=", "!=", "||", "->", "->>", "#>>", "@>", "?|",
        "a-b", "a - -b", "-", "+", "*", "/", "{", "}", "%", "^", "~", "&&", "a=b", "a==b",
        ";", "(", ")", "[", "]", ",", "`x`", "\\", "\\d", "\\copy x", "\\set x 1\n", "\u0000",
        "\u000b", "\u007f", "\u0080", "\u0085", "\u2028x", "\uffff", "\ud800", "\udc00x",
        "\ud83d\ude00", "caf\u00e9", "na\u00efve_col", "\u00c9t\u00e9", "\u0131nt", "\u017ft",
        "\u212aey", "\u0130NT",
        "-- +upgrade", "  -- +upgrade", "\t--\t+downgrade x", "--+upgrade", "-- +", "-- +1",
        "-- + upgrade", "x -- +upgrade", "x\n-- +upgrade\n", "x\r-- +upgrade", "x\r\n-- +upgrade",
        "-- +dialect", "-- +dialect postgresql\nSELECT 1;\n-- +end\n", "-- +DIALECT x\n-- +END",
        "-- +dialectx", "-- +dialect\tpostgresql", "-- +dialect!", "-- +dialect\n-- +end x",
        "-- +dialect x\n  -- +end\n", "-- +dialect x\n-- +endx\n-- +end\tz", "-- +dialect x",
        "-- +dialect x\n", "-- +dialect x\r\n\r\n-- +end\r\n", "-- +dialect x\r-- +end\r",
        "-- +dialect x\n/* not a comment\n-- +end\nSELECT 1;", "-- +dialect x\n-- +en\n",
        "-- +dialect x\n--+end", "-- +dialect x\n-- + end\n-- +end",
        "\f-- +upgrade", " \f-- +upgrade", "-- plain\n-- +todo fix me\n", "-- +Upgrade",
        "-- +up\u2028grade", "-- a\u0085b",
        "CREATE TABLE t (id INT PRIMARY KEY, \"Na\"\"me\" TEXT DEFAULT 'x''y');",
        "SELECT e'\\n', E'\\'' FROM t WHERE a::int >= .5e3;"));
    for (String text : cases) {
      assertSameTokens(printable(text), text);
      assertSameTokens(printable(text) + " after a line", "x\n" + text);
      assertSameTokens(printable(text) + " in a line", "x " + text + " y");
    }
  }

  /** Every UTF-16 char alone and in the contexts where a char class decides the token. */
  @Test
  void everyCharGivesTheSameTokens() {
    String[][] contexts = {
        {"", "\n"}, {"a", "b "}, {"$", "$ x $"}, {"e'", "'\n"}, {"1e", " "}, {"-- +", "x\n"},
        {"i", "nt "}, {"\"", "\"\n"}, {"/*", "*/ "}, {"=", " "}, {"'", " "}, {"$a", "$ "},
    };
    for (String[] context : contexts) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c <= 0xFFFF; c++) {
        text.append(context[0]).append((char) c).append(context[1]);
        if (text.length() > 40_000) {
          assertSameTokens("chars in " + printable(context[0] + "_" + context[1]), text.toString());
          text.setLength(0);
        }
      }
      assertSameTokens("chars in " + printable(context[0] + "_" + context[1]), text.toString());
    }
  }

  @Test
  void randomStringsOverTheTokenAlphabetGiveTheSameTokens() {
    List<String> alphabet = new ArrayList<>(List.of(
        " ", "  ", "\t", "\f", "\n", "\r", "\r\n", "\uFEFF", "'", "''", "\"", "\"\"", "e'", "E'",
        "\\", "\\'", "$", "$$", "$a$", "$tag$", "$Tag$", "$1", "$_", "/*", "*/", "/", "*", "--",
        "-", "+", "-- +upgrade\n", "\n-- +downgrade", "-- +dialect postgresql\n", "-- +dialect",
        "\n-- +end\n", "-- +end", "+end", "-- +todo x", "dialect", "end", "0", "1", "42", ".",
        "e", "E", "e+", "1e10", ".5", "1.", "::", ":", "=", "=>", "<>", "!", "|", "&", ";", "(",
        ")", "[", "]", ",", "{", "}", "`", "#", "@", "?", "%", "^", "~", "x", "id", "_", "T1",
        "\u00e9", "\u0085", "\u2028", "\ud83d\ude00", "\ud800", "\u0000", "\u0131", "a$b"));
    for (Keywords.Keyword keyword : Keywords.all()) {
      alphabet.add(keyword.word());
      alphabet.add(keyword.word().toUpperCase(Locale.ROOT));
    }
    Random random = new Random(13);
    for (int round = 0; round < 4000; round++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.get(random.nextInt(alphabet.size())));
      }
      assertSameTokens("random case " + round + ": " + printable(text.toString()),
          text.toString());
    }
  }

  @Test
  void transactionControlAgreesWithEitherLexer() {
    for (String body : List.of("BEGIN COMMIT; END", "BEGIN $q$ COMMIT; $q$; END",
        "BEGIN /* ROLLBACK; */ NULL; END", "BEGIN 'COMMIT;'; END", "BEGIN /* open")) {
      boolean scanner = TransactionControl.in(body);
      boolean generated = withGeneratedLexer(() -> TransactionControl.in(body));
      assertEquals(generated, scanner, body);
    }
  }

  // ---- comparing

  /** Compares the two token streams of {@code text}; returns the number of tokens. */
  @SuppressWarnings("deprecation")
  static int assertSameTokens(String name, String text) {
    StrataLexer lexer = new StrataLexer(new ANTLRInputStream(text));
    lexer.removeErrorListeners();
    List<String> lexerErrors = new ArrayList<>();
    lexer.addErrorListener(new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
          int column, String message, RecognitionException e) {
        lexerErrors.add(line + ":" + column + " " + message);
      }
    });
    StrataScanner scanner = new StrataScanner(text);
    int count = 0;
    int eofs = 0;
    while (eofs < 3) {
      Token expected = lexer.nextToken();
      Token actual = scanner.nextToken();
      if (!same(expected, actual)) {
        fail(name + ": token " + count + " differs\n expected " + describe(expected)
            + "\n but was  " + describe(actual));
      }
      if (expected.getType() == Token.EOF) {
        eofs++;
      }
      count++;
    }
    assertEquals(List.of(), lexerErrors, name + ": the generated lexer reported errors");
    String state = lexer.currentMode() + " " + lexer.openLine() + ":" + lexer.openColumn() + " at "
        + lexer.getLine() + ":" + lexer.getCharPositionInLine();
    assertEquals(state, scanner.currentMode() + " " + scanner.openLine() + ":"
        + scanner.openColumn() + " at " + scanner.getLine() + ":"
        + scanner.getCharPositionInLine(), name + ": state at the end");

    CommonTokenStream generatedStream = new CommonTokenStream(generatedLexer(text));
    generatedStream.fill();
    CommonTokenStream scannedStream = new CommonTokenStream(new StrataScanner(text));
    scannedStream.fill();
    List<Token> expected = generatedStream.getTokens();
    List<Token> actual = scannedStream.getTokens();
    assertEquals(expected.size(), actual.size(), name + ": tokens in a CommonTokenStream");
    for (int i = 0; i < expected.size(); i++) {
      if (!same(expected.get(i), actual.get(i))) {
        fail(name + ": stream token " + i + " differs\n expected " + describe(expected.get(i))
            + "\n but was  " + describe(actual.get(i)));
      }
    }
    return count;
  }

  @SuppressWarnings("deprecation")
  private static StrataLexer generatedLexer(String text) {
    StrataLexer lexer = new StrataLexer(new ANTLRInputStream(text));
    lexer.removeErrorListeners();
    return lexer;
  }

  private static boolean same(Token a, Token b) {
    return a.getType() == b.getType() && a.getChannel() == b.getChannel()
        && a.getStartIndex() == b.getStartIndex() && a.getStopIndex() == b.getStopIndex()
        && a.getLine() == b.getLine() && a.getCharPositionInLine() == b.getCharPositionInLine()
        && a.getTokenIndex() == b.getTokenIndex() && a.getText().equals(b.getText());
  }

  private static String describe(Token token) {
    return "type " + token.getType() + " channel " + token.getChannel() + " ["
        + token.getStartIndex() + ".." + token.getStopIndex() + "] " + token.getLine() + ":"
        + token.getCharPositionInLine() + " #" + token.getTokenIndex() + " "
        + printable(token.getText());
  }

  /** Parses with each lexer: the same tree, or the same diagnostics. */
  private static void assertSameParse(String name, String text) {
    SourceFile source = new SourceFile(name, text);
    String expected = withGeneratedLexer(() -> outcome(source));
    assertEquals(expected, outcome(source), name + ": parse");
  }

  private static String outcome(SourceFile source) {
    try {
      RevisionFile file = new RevisionFileParser().parse(source);
      return AstDump.of(List.of(file.header(), file.upgrade(), file.downgrade(), file.todos()));
    } catch (DiagnosticException e) {
      return e.diagnostics().stream().map(Diagnostic::format).toList().toString();
    }
  }

  private static <T> T withGeneratedLexer(java.util.function.Supplier<T> run) {
    boolean before = Tokenizer.generated;
    Tokenizer.generated = true;
    try {
      return run.get();
    } finally {
      Tokenizer.generated = before;
    }
  }

  private static List<Path> corpusFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> versions = Files.list(REPO.resolve("versions"))) {
      versions.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(files::add);
    }
    try (Stream<Path> modules = Files.list(REPO)) {
      for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
        Path resources = module.resolve("src/test/resources");
        if (!Files.isDirectory(resources)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(resources)) {
          walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted()
              .forEach(files::add);
        }
      }
    }
    return files;
  }

  private static String mixedCase(String word) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      out.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 0x20 || c >= 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() > 200 ? out.substring(0, 200) + "..." : out.toString();
  }
}

package dev.strata.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code strata.toml} as read: its path, its text (for diagnostics) and its tables, parsed by
 * Jackson's TOML module ({@code jackson-dataformat-toml}, TOML 1.0). Which options its keys set is
 * {@link ConfigDefaults}'; this class only reads the file and finds where a key is written.
 *
 * @param path the file, as named ({@code --config}, {@code STRATA_CONFIG}) or found
 * @param source its text, named by {@code path} in diagnostics
 * @param root its top-level table
 */
record ConfigFile(Path path, SourceFile source, ObjectNode root) {
  /** The file looked for in the working directory when neither --config nor STRATA_CONFIG is. */
  static final String NAME = "strata.toml";

  private static final TomlMapper MAPPER = new TomlMapper();
  /** A line that assigns a key: the key (bare, quoted or dotted), before its {@code =}. */
  private static final Pattern KEY = Pattern.compile("^\\s*([^\\s=#\\[][^=#]*?)\\s*=");
  private static final Pattern TABLE_HEADER =
      Pattern.compile("^\\s*\\[\\s*([^\\[\\]]+?)\\s*\\]\\s*(?:#.*)?$");

  ConfigFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
  }

  /**
   * Reads and parses {@code path}.
   *
   * @throws DiagnosticException E0641 when the file cannot be read (a {@code --config} naming a
   *     missing file included), E0640 at the parser's position when it is not valid TOML
   */
  static ConfigFile read(Path path) throws DiagnosticException {
    return read(path, path.toString());
  }

  /**
   * Reads and parses {@code path}, named {@code shown} in diagnostics (as the user gave it).
   *
   * @throws DiagnosticException as {@link #read(Path)}
   */
  static ConfigFile read(Path path, String shown) throws DiagnosticException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new DiagnosticException(Diagnostic.error("E0641",
          "the configuration file '" + shown + "' does not exist",
          "help: --config and STRATA_CONFIG name an existing strata.toml; 'strata init' writes"
              + " one"));
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.error("E0641",
          "cannot read the configuration file '" + shown + "': " + e.getMessage()));
    }
    SourceFile source = SourceFile.decode(shown, bytes);
    JsonNode root;
    try {
      root = MAPPER.readTree(source.text());
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String message = "'" + shown + "' is not valid TOML: " + e.getOriginalMessage();
      throw new DiagnosticException(at == null || at.getLineNr() < 1
          ? Diagnostic.error("E0640", message)
          : Diagnostic.error("E0640", message, source,
              where(source, e.getOriginalMessage(), at.getLineNr(), at.getColumnNr()),
              "help: strata.toml is TOML 1.0 (https://toml.io): key = \"value\", [table]"));
    }
    if (!(root instanceof ObjectNode table)) {
      // an empty file reads as a missing node: no settings
      return new ConfigFile(path, source, MAPPER.createObjectNode());
    }
    return new ConfigFile(path, source, table);
  }

  /**
   * Where a TOML syntax error is, from the parser's position ({@code line}, {@code column}, 1-based):
   * that position, except for the two errors the parser reports once past the culprit: a
   * "Duplicate key" after the second assignment (at the start of a later line, or past the value
   * on the file's last line), which is then the key of the last line up to there that assigns
   * one, and a "Table redefined" at the end of the header, which is then the header's name.
   */
  private static Span where(SourceFile source, String message, int line, int column) {
    List<String> lines = source.lines();
    if (message.startsWith("Duplicate key")) {
      // past the value's end on the same line at the end of the file, else at a later line
      int from = column > 1 ? line - 1 : line - 2;
      for (int i = Math.min(from, lines.size() - 1); i >= 0; i--) {
        Matcher key = KEY.matcher(lines.get(i));
        if (key.find()) {
          return new Span(i + 1, key.start(1) + 1, key.group(1).length());
        }
      }
    }
    if (message.startsWith("Table redefined") && line <= lines.size()) {
      Matcher header = TABLE_HEADER.matcher(lines.get(line - 1));
      if (header.matches()) {
        return new Span(line, header.start(1) + 1, header.group(1).length());
      }
    }
    return Span.at(line, Math.max(1, column));
  }

  /** The directory relative paths in the file are read against. */
  Path directory() {
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  /**
   * Where {@code key} of the table {@code table} ({@code []} for the top level, {@code
   * ["upgrade"]} for {@code [upgrade]}) is written: the key itself, or with {@code value} its
   * value. The TOML library reports positions only for syntax errors, so a valid file's keys are
   * found here, line by line, by the {@code [table]} headers and the {@code key =} of each line
   * (bare or quoted keys); a key written another way (dotted keys, inline tables) is reported at
   * its table's header, or at the first line.
   */
  Span locate(List<String> table, String key, boolean value) {
    List<String> lines = source.lines();
    Pattern keyLine = Pattern.compile("^(\\s*)([\"']?)(" + Pattern.quote(key) + ")\\2\\s*=\\s*(.*)$");
    List<String> current = List.of();
    Optional<Span> header = Optional.empty();
    List<String> keyTable = new java.util.ArrayList<>(table);
    keyTable.add(key);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher tableHeader = TABLE_HEADER.matcher(line);
      if (tableHeader.matches()) {
        current = List.of(tableHeader.group(1).replace("\"", "").split("\\s*\\.\\s*"));
        if (current.equals(keyTable)) {
          // the key is itself a table: [key] or [table.key]
          return new Span(i + 1, tableHeader.start(1) + 1, tableHeader.group(1).length());
        }
        if (current.equals(table) && header.isEmpty()) {
          header = Optional.of(new Span(i + 1, tableHeader.start(1) + 1,
              tableHeader.group(1).length()));
        }
        continue;
      }
      Matcher m = keyLine.matcher(line);
      if (current.equals(table) && m.matches()) {
        if (value && !m.group(4).isBlank()) {
          String text = m.group(4).replaceFirst("\\s*#[^\"']*$", "").strip();
          return new Span(i + 1, m.start(4) + 1, Math.max(1, text.length()));
        }
        return new Span(i + 1, m.start(3) + 1, key.length());
      }
    }
    return header.orElse(Span.at(1, 1));
  }
}

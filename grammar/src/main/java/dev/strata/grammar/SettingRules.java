package dev.strata.grammar;

import dev.strata.grammar.ast.Operation.PostgresOnly.ResetSetting;
import dev.strata.grammar.ast.Operation.PostgresOnly.SetSetting;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses (E0150) the session settings that would break the script a revision is rendered into:
 * the script is UTF-8 and says so to psql ({@code \encoding UTF8}), and strata reads every string
 * literal as PostgreSQL does with {@code standard_conforming_strings} on (the reasoning of E0124:
 * with it off, a backslash in {@code 'a\'} escapes the quote, and psql and the server would read
 * the rest of the script differently from strata). A {@code RESET} of either, or {@code RESET
 * ALL}, would go back to the connection's own value, which may be neither.
 */
final class SettingRules {
  private static final Set<String> UTF8 = Set.of("utf8", "utf-8", "unicode");
  private static final Set<String> ON = Set.of("on", "true", "yes", "1", "t", "y");

  private SettingRules() {}

  static SetSetting check(SetSetting set, SourceText source, Span span) {
    String value = set.value().map(v -> unquoted(v.sql())).orElse("");
    switch (set.name()) {
      case "client_encoding" -> {
        if (!UTF8.contains(value)) {
          throw fail(source, span, "SET client_encoding to "
                  + set.value().map(v -> v.sql()).orElse("DEFAULT")
                  + ": the script is UTF-8, and psql must keep reading it as UTF-8",
              "help: remove the statement; strata writes every script in UTF-8 and sets psql's"
                  + " client encoding to UTF8 itself ('\\encoding UTF8')");
        }
      }
      case "standard_conforming_strings" -> {
        if (!ON.contains(value)) {
          throw fail(source, span, "SET standard_conforming_strings to "
                  + set.value().map(v -> v.sql()).orElse("DEFAULT")
                  + ": strata reads string literals as PostgreSQL does with it on",
              "help: remove the statement and write backslashes in escape strings (E'a\\\\b');"
                  + " with it off, psql and the server would read the rest of the script"
                  + " differently from strata");
        }
      }
      default -> { }
    }
    return set;
  }

  static ResetSetting check(ResetSetting reset, SourceText source, Span span) {
    switch (reset.name()) {
      case "all" -> throw fail(source, span,
          "RESET ALL would also reset the settings the script relies on (client_encoding,"
              + " standard_conforming_strings) and those of the script's options",
          "help: reset each setting the revision changed by name (RESET lock_timeout); a"
              + " revision's settings end with the revision anyway");
      case "client_encoding", "standard_conforming_strings" -> throw fail(source, span,
          "RESET " + reset.name() + " would go back to the connection's own value, which the"
              + " script cannot rely on",
          "help: remove the statement; strata keeps " + reset.name()
              + (reset.name().equals("client_encoding") ? " UTF8" : " on")
              + " for the whole script");
      default -> { }
    }
    return reset;
  }

  private static String unquoted(String value) {
    String v = value.strip();
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      v = v.substring(1, v.length() - 1);
    }
    return v.toLowerCase(Locale.ROOT);
  }

  private static ParseFailure fail(SourceText source, Span span, String message, String help) {
    return ParseCode.SETTING_BREAKS_SCRIPT.fail(source.file(), span, message, help);
  }
}

package dev.strata.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format} of the read commands that report facts: {@code text} for people (Alembic's
 * wording), {@code json} for CI (field names documented in {@code docs/cli.md}, stable).
 */
enum ReportFormat {
  TEXT,
  JSON;

  /** {@code --format text|json}: lowercase, else a usage error naming both. */
  static final class Converter implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      return Arrays.stream(values())
          .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value))
          .findFirst()
          .orElseThrow(
              () -> new TypeConversionException("unknown format '" + value + "' (known: text, json)"));
    }
  }
}

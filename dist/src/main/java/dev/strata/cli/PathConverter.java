package dev.strata.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every path option and parameter ({@code --versions}, {@code -o}, {@code --config}, {@code init
 * DIR}, ...): an empty value is a usage error. {@code Path.of("")} is the working directory, so an
 * empty value (an unset shell variable in {@code -o "$OUT"}) would otherwise read or replace the
 * directory strata runs in; {@code .} names it on purpose.
 */
final class PathConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException(
          "an empty path names nothing (write . for the current directory)");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' is not a path: " + e.getReason());
    }
  }
}

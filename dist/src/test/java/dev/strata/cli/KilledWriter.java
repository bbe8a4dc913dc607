package dev.strata.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process for {@link AtomicOutputTest} to kill with {@code SIGKILL}: it starts an atomic write
 * of {@code args[0]}, writes part of it, prints {@code writing}, and waits on standard input.
 */
final class KilledWriter {
  private KilledWriter() {}

  public static void main(String[] args) throws IOException {
    AtomicOutput.write(Path.of(args[0]), true, temp -> {
      Files.writeString(temp, "-- half a script\n", StandardCharsets.UTF_8);
      System.out.println("writing");
      System.out.flush();
      System.in.read();
    });
  }
}

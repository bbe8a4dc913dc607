package dev.strata.cli.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One well-formed strata command line of a fuzz case, before the versions directory is known.
 *
 * @param verb the subcommand ({@code check}, {@code upgrade}, ...)
 * @param options options after the verb, e.g. {@code --transaction none}
 * @param range the range argument, when the command takes one (diagnostics may point into it as
 *     {@code <range>})
 * @param output for {@code bundle}: the bundle's file name inside the case's output folder
 */
record Command(String verb, List<String> options, Optional<String> range, Optional<String> output) {
  Command {
    Objects.requireNonNull(verb, "verb");
    options = List.copyOf(options);
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(output, "output");
  }

  static Command of(String verb, String... options) {
    return new Command(verb, List.of(options), Optional.empty(), Optional.empty());
  }

  static Command ranged(String verb, String range) {
    return new Command(verb, List.of(), Optional.of(range), Optional.empty());
  }

  Command writingTo(String name) {
    return new Command(verb, options, range, Optional.of(name));
  }

  /** The arguments for {@code Main.run}: {@code --versions} and {@code -o} resolved. */
  List<String> args(Path versions, Path out) {
    List<String> args = new ArrayList<>();
    args.add(verb);
    args.addAll(options);
    range.ifPresent(args::add);
    args.add("--versions");
    args.add(versions.toString());
    output.ifPresent(name -> {
      args.add("-o");
      args.add(out.resolve(name).toString());
    });
    return args;
  }

  /** The command as a user reruns it from the case's folder. */
  String display() {
    return "strata " + String.join(" ", args(Path.of("versions"), Path.of("out")));
  }
}

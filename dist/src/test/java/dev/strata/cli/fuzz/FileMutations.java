package dev.strata.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Mutations across files: a file deleted, copied, renamed, added, or a line from another file. */
final class FileMutations {
  private FileMutations() {}

  /** Deletes, copies or renames a revision file, or adds an empty or foreign one. */
  static String files(Chain chain, RandomGenerator rnd) {
    String name = chain.pickRevision(rnd);
    String stem = name.substring(0, name.length() - ".sql".length());
    switch (rnd.nextInt(5)) {
      case 0 -> {
        if (chain.revisionNames().size() < 2) {
          return "kept the only revision file " + name;
        }
        chain.remove(name);
        return "deleted " + name;
      }
      case 1 -> {
        chain.put(stem + "_copy.sql", chain.get(name).clone());
        return "copied " + name + " to " + stem + "_copy.sql";
      }
      case 2 -> {
        byte[] bytes = chain.get(name);
        chain.remove(name);
        chain.put("0099_" + stem + ".sql", bytes);
        return "renamed " + name + " to 0099_" + stem + ".sql";
      }
      case 3 -> {
        chain.put("0098_empty.sql", new byte[0]);
        return "added an empty 0098_empty.sql";
      }
      default -> {
        chain.put("README.txt", Bytes.utf8("not a revision\n"));
        return "added README.txt";
      }
    }
  }

  /** Inserts a line of another revision file (a header line, a directive, a statement line). */
  static String splice(Chain chain, RandomGenerator rnd) {
    String from = chain.pickRevision(rnd);
    String into = chain.pickRevision(rnd);
    List<byte[]> source = Bytes.lines(chain.get(from));
    if (source.isEmpty()) {
      return "nothing to splice from the empty " + from;
    }
    int taken = rnd.nextInt(source.size());
    byte[] line = source.get(taken);
    if (line[line.length - 1] != '\n') {
      line = Bytes.insert(line, line.length, new byte[] {'\n'});
    }
    List<byte[]> target = new ArrayList<>(Bytes.lines(chain.get(into)));
    int at = rnd.nextInt(target.size() + 1);
    if (at > 0 && target.get(at - 1)[target.get(at - 1).length - 1] != '\n') {
      target.add(at++, new byte[] {'\n'});
    }
    target.add(at, line);
    chain.put(into, Bytes.join(target));
    return into + ": inserted line " + (taken + 1) + " of " + from + " as line " + (at + 1);
  }
}

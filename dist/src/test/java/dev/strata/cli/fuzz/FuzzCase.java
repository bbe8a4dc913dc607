package dev.strata.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One generated case: the damaged chain and the commands to run on it. The same {@code seed} and
 * {@code number} always give the same case (for the same sample chain).
 *
 * @param seed the run's seed
 * @param number the case number, from 1
 * @param chain the files to write into the case's versions directory
 * @param mutations what was done to the sample chain, in order
 * @param commands {@code check}, {@code upgrade}, then by turns (case number modulo 3) {@code
 *     downgrade}, {@code bundle} or {@code heads}; every command parses the whole chain, so three
 *     per case keep a case near a quarter of a second
 */
record FuzzCase(
    long seed, int number, Chain chain, List<String> mutations, List<Command> commands) {
  FuzzCase {
    if (number < 1) {
      throw new IllegalArgumentException("case numbers start at 1: " + number);
    }
    mutations = List.copyOf(mutations);
    commands = List.copyOf(commands);
  }

  /** Generates case {@code number} of {@code seed} from the sample chain. */
  static FuzzCase generate(long seed, int number, Chain sample) {
    RandomGenerator rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    List<String> points = Ranges.points(sample.ids());
    Chain chain = sample.copy();
    List<String> mutations = new ArrayList<>();
    int count = switch (rnd.nextInt(10)) {
      case 0, 1, 2, 3, 4, 5 -> 1;
      case 6, 7, 8 -> 2;
      default -> 3;
    };
    for (int i = 0; i < count; i++) {
      Mutation mutation = Mutation.values()[rnd.nextInt(Mutation.values().length)];
      mutations.add(mutation.apply(chain, rnd));
    }
    mutations.add(lock(chain, rnd));
    Command third = switch (number % 3) {
      case 1 -> Command.ranged("downgrade", Ranges.downgrade(points, rnd));
      case 2 -> Command.ranged("bundle", Ranges.bundle(points, rnd)).writingTo(bundleName(rnd));
      default -> Command.of("heads");
    };
    Command upgrade = new Command("upgrade", transaction(rnd),
        Optional.of(Ranges.upgrade(points, rnd)), Optional.empty());
    List<Command> commands = List.of(Command.of("check"), upgrade, third);
    return new FuzzCase(seed, number, chain, mutations, commands);
  }

  /**
   * Most cases drop the lock file (else every edit stops at "changed after it was locked"); one in
   * ten keeps it, one in ten damages it too.
   */
  private static String lock(Chain chain, RandomGenerator rnd) {
    if (!chain.has(Chain.LOCK)) {
      return "LOCK (no lock file)";
    }
    return switch (rnd.nextInt(10)) {
      case 0 -> "LOCK kept";
      case 1 -> {
        Edit.FileMutator damage = switch (rnd.nextInt(4)) {
          case 0 -> RawMutations::flip;
          case 1 -> RawMutations::truncate;
          case 2 -> LineMutations::delete;
          default -> LineMutations::duplicate;
        };
        Edit edit = damage.apply(chain.get(Chain.LOCK), List.of(), rnd);
        chain.put(Chain.LOCK, edit.bytes());
        yield "LOCK damaged: " + edit.what();
      }
      default -> {
        chain.remove(Chain.LOCK);
        yield "LOCK removed";
      }
    };
  }

  /** The default transaction mode, or one of the others. */
  private static List<String> transaction(RandomGenerator rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> List.of("--transaction", "revision");
      case 1 -> List.of("--transaction", "none");
      default -> List.of();
    };
  }

  private static String bundleName(RandomGenerator rnd) {
    return switch (rnd.nextInt(6)) {
      case 0 -> "bundle.tar.gz";
      case 1 -> "bundle.zip";
      default -> "bundle";
    };
  }
}

package dev.strata.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Ranges for the commands of a fuzz case, over the sample chain's revisions (named by their
 * number prefix, {@code 0013}): most are valid on the undamaged chain, some go the wrong way or
 * name a revision that a mutation removed, which must give a {@code <range>} diagnostic.
 */
final class Ranges {
  private Ranges() {}

  /** The unique prefixes ({@code 0013}) of {@code ids}, in order; whole ids without a number. */
  static List<String> points(List<String> ids) {
    List<String> points = new ArrayList<>();
    for (String id : ids) {
      int underscore = id.indexOf('_');
      points.add(underscore > 0 ? id.substring(0, underscore) : id);
    }
    return points;
  }

  static String upgrade(List<String> points, RandomGenerator rnd) {
    int a = rnd.nextInt(points.size());
    int b = a + rnd.nextInt(points.size() - a);
    return switch (rnd.nextInt(8)) {
      case 0 -> "head";
      case 1 -> "heads";
      case 2 -> "base:head";
      case 3 -> points.get(a) + ":head";
      case 4 -> points.get(a) + ":" + points.get(b);
      case 5 -> points.get(b);
      case 6 -> "lrs@head";
      default -> "head-2";
    };
  }

  static String downgrade(List<String> points, RandomGenerator rnd) {
    int a = rnd.nextInt(points.size());
    int b = a + rnd.nextInt(points.size() - a);
    return switch (rnd.nextInt(5)) {
      case 0 -> "head:base";
      case 1 -> "heads:base";
      case 2 -> points.get(b) + ":" + points.get(a);
      case 3 -> points.get(b) + ":base";
      default -> "head:-2";
    };
  }

  static String bundle(List<String> points, RandomGenerator rnd) {
    int a = rnd.nextInt(points.size());
    int b = a + rnd.nextInt(points.size() - a);
    return switch (rnd.nextInt(5)) {
      case 0 -> "base:head";
      case 1 -> "base:heads";
      case 2 -> points.get(a) + ":heads";
      case 3 -> points.get(a) + ":head";
      default -> points.get(a) + ":" + points.get(b);
    };
  }
}

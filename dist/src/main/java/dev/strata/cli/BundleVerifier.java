package dev.strata.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code strata verify}: reads a bundle in bounded memory ({@link BundleReader} into {@link
 * BundleContents}, within a {@link ReadBudget}) and checks, in this order, stopping at the first
 * problem: the archive's structure and every entry's name and kind (while reading); that it has a
 * {@code MANIFEST.json} at all; {@code SHA256SUMS} against the files (well formed, each listed
 * file present with its checksum, none unlisted); {@code MANIFEST.json} read strictly ({@link
 * Manifest#read}) and against the files (each listed file present with that size and checksum,
 * none unlisted, every step's and script's checksum); and then that it describes what the bundle
 * holds ({@link ManifestChecker}). The messages are listed in {@code docs/bundle-format.md}.
 */
final class BundleVerifier {
  private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64})  ([^\\n]+)");

  private BundleVerifier() {}

  /**
   * Verifies the bundle at {@code path}.
   *
   * @param budget what may be read and kept
   * @return the number of files verified
   * @throws BundleProblem naming the first problem found
   * @throws IOException when {@code path} cannot be read, or is not a folder, .tar.gz or .zip
   */
  static int verify(Path path, ReadBudget budget) throws IOException, BundleProblem {
    BundleContents contents = new BundleContents(budget);
    BundleReader.read(path, budget, contents);
    SortedMap<String, BundleContents.FileFacts> files = contents.files();
    if (!files.containsKey(Bundle.MANIFEST)) {
      throw new BundleProblem(BundleProblem.Kind.NOT_A_BUNDLE,
          "not a strata bundle (no " + Bundle.MANIFEST + ")");
    }
    checkSums(files);
    String root = contents.root().orElseThrow();
    ManifestModel manifest;
    try {
      manifest = Manifest.read(files.get(Bundle.MANIFEST).text().orElseThrow());
    } catch (BundleProblem problem) {
      throw problem.position().map(at -> new BundleProblem(problem.kind(), problem.getMessage(),
          new BundleProblem.Position(root + "/" + at.file(), at.line(), at.column(), at.text())))
          .orElse(problem);
    }
    checkManifestFiles(manifest, files);
    ManifestChecker.check(manifest, root, files);
    return files.size();
  }

  /**
   * {@code SHA256SUMS}: lines of {@code sha256sum}'s form ending with LF, sorted by path, every
   * listed file there with its checksum, none unlisted.
   */
  private static void checkSums(SortedMap<String, BundleContents.FileFacts> files)
      throws BundleProblem {
    BundleContents.FileFacts sums = files.get(Bundle.SUMS);
    if (sums == null) {
      throw damaged(Bundle.SUMS + " is missing");
    }
    Map<String, String> listed = new LinkedHashMap<>();
    String text = new String(sums.text().orElseThrow(), StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw damaged(Bundle.SUMS + " does not end with a line feed");
    }
    String[] lines = text.isEmpty() ? new String[0]
        : text.substring(0, text.length() - 1).split("\n", -1);
    String previous = "";
    for (int i = 0; i < lines.length; i++) {
      Matcher line = SUM_LINE.matcher(lines[i]);
      if (!line.matches() || line.group(2).compareTo(previous) <= 0) {
        throw damaged(Bundle.SUMS + " line " + (i + 1) + " is not '<sha256>  <path>' for a new"
            + " path, sorted after the one before");
      }
      previous = line.group(2);
      listed.put(previous, line.group(1));
    }
    for (Map.Entry<String, String> sum : listed.entrySet()) {
      checkFile(files, sum.getKey(), sum.getValue(), Bundle.SUMS);
    }
    for (String path : files.keySet()) {
      if (!path.equals(Bundle.SUMS) && !listed.containsKey(path)) {
        throw damaged(BundleProblem.quoted(path) + " is not listed in " + Bundle.SUMS);
      }
    }
  }

  /** {@code files}, every step's and script's checksum, and no file missing from {@code files}. */
  private static void checkManifestFiles(
      ManifestModel manifest, SortedMap<String, BundleContents.FileFacts> files)
      throws BundleProblem {
    Set<String> listed = new HashSet<>();
    for (ManifestModel.FileEntry file : manifest.files()) {
      checkFile(files, file.path(), file.sha256(), Bundle.MANIFEST);
      listed.add(file.path());
      long size = files.get(file.path()).size();
      if (file.size() != size) {
        throw damaged("size mismatch for " + BundleProblem.quoted(file.path()) + ": "
            + Bundle.MANIFEST + " says " + file.size() + " bytes, the file has " + size);
      }
    }
    for (String path : files.keySet()) {
      if (!path.equals(Bundle.SUMS) && !path.equals(Bundle.MANIFEST) && !listed.contains(path)) {
        throw damaged(BundleProblem.quoted(path) + " is not listed in " + Bundle.MANIFEST);
      }
    }
    for (ManifestModel.Step step : manifest.steps()) {
      for (ManifestModel.FileRef file : List.of(step.source(), step.up(), step.down())) {
        checkFile(files, file.path(), file.sha256(), Bundle.MANIFEST);
      }
    }
    checkFile(files, manifest.upgrade().path(), manifest.upgrade().sha256(), Bundle.MANIFEST);
    checkFile(files, manifest.rollback().path(), manifest.rollback().sha256(), Bundle.MANIFEST);
  }

  private static void checkFile(SortedMap<String, BundleContents.FileFacts> files, String path,
      String expected, String listedIn) throws BundleProblem {
    BundleContents.FileFacts file = files.get(path);
    if (file == null) {
      throw damaged(BundleProblem.quoted(path) + " is missing (listed in " + listedIn + ")");
    }
    if (!file.sha256().equals(expected)) {
      throw damaged("checksum mismatch for " + BundleProblem.quoted(path) + ": " + listedIn
          + " says " + expected + ", the file's is " + file.sha256());
    }
  }

  private static BundleProblem damaged(String message) {
    return new BundleProblem(BundleProblem.Kind.DAMAGED, message);
  }
}

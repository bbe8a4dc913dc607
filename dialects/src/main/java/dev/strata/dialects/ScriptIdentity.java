package dev.strata.dialects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The values that identify a rendered script, written into its header and its run id: one
 * definition shared by the renderer ({@link ScriptHeader}, {@link Progress}) and by {@code strata
 * verify}, which recomputes them from a bundle's manifest to check each script against it.
 */
public final class ScriptIdentity {
  private ScriptIdentity() {}

  /** One revision file a script was made from: its lowercase hex SHA-256 and its revision id. */
  public record Source(String sha256, String id) {}

  /** Heads as headers print them: joined with {@code ", "}, or {@code base} when there are none. */
  public static String heads(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join(", ", heads);
  }

  /**
   * The lowercase hex SHA-256 of the UTF-8 text made of one line {@code <file sha256>  <id>\n} per
   * source, in step order (the {@code sha256sum} line shape): the header's {@code -- sources:}.
   */
  public static String sourcesChecksum(List<Source> sources) {
    StringBuilder lines = new StringBuilder();
    for (Source source : sources) {
      lines.append(source.sha256()).append("  ").append(source.id()).append('\n');
    }
    return sha256(lines.toString());
  }

  /**
   * The run id of a script with resumable segments (docs/scripts.md): the lowercase hex SHA-256 of
   * its identifying lines.
   *
   * @param direction {@code upgrade} or {@code downgrade}
   * @param transactionMode {@code bundle}, {@code revision} or {@code none}
   * @param versionTable the version table as the script names it, e.g. {@code meta."Versions"}
   */
  public static String runId(String direction, List<String> from, List<String> to,
      String sourcesChecksum, String transactionMode, String versionTable) {
    return sha256("strata run\n"
        + "direction: " + direction + "\n"
        + "from: " + heads(from) + "\n"
        + "to: " + heads(to) + "\n"
        + "sources: " + sourcesChecksum + "\n"
        + "transaction: " + transactionMode + "\n"
        + "version table: " + versionTable + "\n");
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}

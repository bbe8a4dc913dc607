package dev.strata.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a {@link Bundle} as a folder, a {@code .tar.gz} or a {@code .zip} (chosen by the name of
 * the path), atomically (see {@link AtomicOutput}). Archives are byte-for-byte reproducible: entries
 * sorted, folders as entries, modes 0644 and 0755, owner 0:0 with empty names, every time the one
 * given {@link #mtime(String) mtime}, a gzip header without time, name or OS (OS 255, unknown),
 * long names as POSIX (pax) headers, zip entries without extra fields. Each file is copied from
 * the bundle's {@link BundleFiles} into its entry as it is written, so memory does not grow with
 * the bundle.
 */
final class BundleWriter {
  /**
   * The time of every archive entry when {@code SOURCE_DATE_EPOCH} is not set: 2000-01-01T00:00:00Z
   * (a zip cannot record times before 1980).
   */
  static final Instant DEFAULT_MTIME = Instant.parse("2000-01-01T00:00:00Z");

  /** The permission bits of every file and folder strata writes (verify requires them). */
  static final int FILE_MODE = 0644;
  static final int DIR_MODE = 0755;
  /** The earliest and latest times a zip entry's MS-DOS date can hold, in UTC wall-clock time. */
  private static final Instant ZIP_MIN = Instant.parse("1980-01-01T00:00:00Z");
  private static final Instant ZIP_MAX = Instant.parse("2107-12-31T23:59:58Z");

  private final Instant mtime;

  /** A writer stamping every archive entry with {@code mtime} (whole seconds). */
  BundleWriter(Instant mtime) {
    this.mtime = Instant.ofEpochSecond(mtime.getEpochSecond());
  }

  /**
   * What {@code PATH} asks for: its name ends in {@code .tar.gz} or {@code .tgz} (the same
   * archive), {@code .zip}, or else a folder.
   */
  enum Format {
    DIRECTORY, TAR_GZ, ZIP;

    static Format of(Path path) {
      String name = String.valueOf(path.getFileName());
      return name.endsWith(".tar.gz") || name.endsWith(".tgz") ? TAR_GZ
          : name.endsWith(".zip") ? ZIP : DIRECTORY;
    }
  }

  /**
   * The entry time for a {@code SOURCE_DATE_EPOCH} value ({@code null} when unset): that many
   * seconds after 1970-01-01T00:00:00Z, else {@link #DEFAULT_MTIME}.
   *
   * @throws IllegalArgumentException when the value is not a whole number of seconds, 0 or more
   */
  static Instant mtime(String sourceDateEpoch) {
    if (sourceDateEpoch == null) {
      return DEFAULT_MTIME;
    }
    if (!sourceDateEpoch.matches("[0-9]{1,12}")) {
      throw new IllegalArgumentException("SOURCE_DATE_EPOCH is '" + sourceDateEpoch
          + "', not a whole number of seconds since 1970-01-01T00:00:00Z");
    }
    return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch));
  }

  /**
   * Writes {@code bundle} at {@code target}.
   *
   * @throws FileAlreadyExistsException when {@code target} exists and {@code force} is false
   * @throws IOException when it cannot be written; nothing is left at {@code target} then
   */
  void write(Bundle bundle, Path target, boolean force) throws IOException {
    Format format = Format.of(target);
    AtomicOutput.write(target, force, temp -> {
      switch (format) {
        case DIRECTORY -> directory(bundle, temp);
        case TAR_GZ -> {
          try (OutputStream out = newFile(temp)) {
            tarGz(bundle, out);
          }
        }
        case ZIP -> {
          try (OutputStream out = newFile(temp)) {
            zip(bundle, out);
          }
        }
      }
    });
  }

  /** A new file at {@code path}, buffered; one that exists is refused. */
  private static OutputStream newFile(Path path) throws IOException {
    return new BufferedOutputStream(
        Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        1 << 16);
  }

  /** The bundle as a folder holding the top folder (modes from the umask, as any file written). */
  private static void directory(Bundle bundle, Path dir) throws IOException {
    Files.createDirectory(dir);
    for (Bundle.Entry entry : bundle.entries()) {
      Path path = dir.resolve(entry.name());
      if (entry.directory()) {
        Files.createDirectory(path);
      } else {
        try (OutputStream out = newFile(path)) {
          bundle.files().copy(entry.file().orElseThrow(), out);
        }
      }
    }
  }

  /**
   * Writes the bundle to {@code out} as a reproducible {@code .tar.gz}, entry by entry (no entry
   * is held whole in memory), and finishes it without closing {@code out}.
   */
  void tarGz(Bundle bundle, OutputStream out) throws IOException {
    GzipParameters gzip = new GzipParameters();
    gzip.setModificationTime(0);
    gzip.setOS(GzipParameters.OS.UNKNOWN);
    gzip.setCompressionLevel(Deflater.BEST_COMPRESSION);
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(unclosed(out), gzip);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true);
      for (Bundle.Entry entry : bundle.entries()) {
        TarArchiveEntry tarEntry = new TarArchiveEntry(
            entry.name(), entry.directory() ? TarConstants.LF_DIR : TarConstants.LF_NORMAL);
        tarEntry.setMode((entry.directory() ? 040000 | DIR_MODE : 0100000 | FILE_MODE));
        tarEntry.setSize(size(bundle, entry));
        tarEntry.setModTime(FileTime.from(mtime));
        tarEntry.setIds(0, 0);
        tarEntry.setNames("", "");
        tar.putArchiveEntry(tarEntry);
        copy(bundle, entry, tar);
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /**
   * Writes the bundle to {@code out} as a reproducible {@code .zip}, entry by entry, and finishes
   * it without closing {@code out}. {@code out} is a plain stream, never a seekable file: each
   * entry's sizes and CRC then follow its data (a data descriptor), as they always have.
   */
  void zip(Bundle bundle, OutputStream out) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(unclosed(out))) {
      zip.setEncoding(StandardCharsets.UTF_8.name());
      zip.setUseLanguageEncodingFlag(true);
      zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
      zip.setUseZip64(Zip64Mode.Never);
      zip.setLevel(Deflater.BEST_COMPRESSION);
      long time = zipTime();
      for (Bundle.Entry entry : bundle.entries()) {
        ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
        zipEntry.setUnixMode(entry.directory() ? 040000 | DIR_MODE : 0100000 | FILE_MODE);
        zipEntry.setTime(time);
        zipEntry.setMethod(entry.directory() ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
        if (entry.directory()) {
          zipEntry.setSize(0);
          zipEntry.setCrc(0);
        }
        zip.putArchiveEntry(zipEntry);
        copy(bundle, entry, zip);
        zip.closeArchiveEntry();
      }
      zip.finish();
    }
  }

  private static long size(Bundle bundle, Bundle.Entry entry) {
    return entry.file().map(path -> bundle.files().content(path).size()).orElse(0L);
  }

  private static void copy(Bundle bundle, Bundle.Entry entry, OutputStream out)
      throws IOException {
    if (entry.file().isPresent()) {
      bundle.files().copy(entry.file().get(), out);
    }
  }

  /** {@code out}, whose {@code close()} only flushes: the caller closes it. */
  private static OutputStream unclosed(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] bytes, int offset, int count) throws IOException {
        out.write(bytes, offset, count);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  /**
   * The entry time as a Java time whose local-time-zone fields are the UTC fields of the mtime:
   * zip stores an MS-DOS local date and time with no zone, which Commons Compress fills from the
   * JVM's time zone, so this keeps the stored fields the same in every zone. Clamped to the range
   * a DOS date holds, rounded down to even seconds (its resolution).
   */
  private long zipTime() {
    Instant clamped = mtime.isBefore(ZIP_MIN) ? ZIP_MIN : mtime.isAfter(ZIP_MAX) ? ZIP_MAX : mtime;
    long seconds = clamped.getEpochSecond() - Math.floorMod(clamped.getEpochSecond(), 2);
    LocalDateTime wallClock = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    return wallClock.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
  }
}

package dev.strata.grammar.ast;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A section's statements kept in their encoded form, decoded when they are read: the unmodifiable
 * {@link List} a {@link Section} holds for a revision file that the compiler loaded, so that a
 * chain of 100,000 revisions keeps about a kilobyte per revision instead of its whole syntax tree
 * (docs/performance.md).
 *
 * <p>The list equals, element for element, the one its bytes were made from. The decoded
 * statements are kept through a weak reference: while any caller holds them (or an iterator over
 * them) every read returns the same objects; once none does, the collector may drop them and the
 * next read decodes equal ones again. Statements are records compared by value, so nothing may rely
 * on their identity across two reads. Safe for concurrent readers: two threads that find the
 * reference empty at once each decode, and both get equal lists.
 */
public final class PackedStatements extends AbstractList<Statement> implements RandomAccess {
  /**
   * Turns the bytes back into the statements: the compiler's decoder for the encoding it wrote.
   * It never fails on bytes it wrote itself; on any other bytes it throws an unchecked exception.
   */
  @FunctionalInterface
  public interface Unpacker {
    /** The statements {@code bytes} encode, as an unmodifiable list of {@code size} elements. */
    List<Statement> unpack(byte[] bytes);
  }

  private final byte[] bytes;
  private final int size;
  private final Unpacker unpacker;
  private volatile WeakReference<List<Statement>> decoded;

  private PackedStatements(byte[] bytes, int size, Unpacker unpacker, List<Statement> statements) {
    this.bytes = bytes;
    this.size = size;
    this.unpacker = unpacker;
    this.decoded = statements == null ? null : new WeakReference<>(statements);
  }

  /**
   * Statements encoded as {@code bytes} (taken, not copied: the caller gives them up), {@code size}
   * of them, read back through {@code unpacker}.
   *
   * @throws IllegalArgumentException when {@code size} is negative
   */
  public static PackedStatements of(byte[] bytes, int size, Unpacker unpacker) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(unpacker, "unpacker");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    return new PackedStatements(bytes, size, unpacker, null);
  }

  /** The encoding, read-only: what the compiler's encoder writes for these statements. */
  public ByteBuffer encoded() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /**
   * The statements, decoded: the list of the last read when someone still holds it.
   *
   * @throws IllegalStateException when the unpacker returns a list of another size
   */
  public List<Statement> decoded() {
    WeakReference<List<Statement>> reference = decoded;
    List<Statement> statements = reference == null ? null : reference.get();
    if (statements == null) {
      statements = unpacker.unpack(bytes);
      if (statements.size() != size) {
        throw new IllegalStateException(
            "decoded " + statements.size() + " statements, expected " + size);
      }
      decoded = new WeakReference<>(statements);
    }
    return statements;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Statement get(int index) {
    Objects.checkIndex(index, size);
    return decoded().get(index);
  }

  // Whole-list reads go through one decoded list, held for as long as the read lasts.

  @Override
  public Iterator<Statement> iterator() {
    return decoded().iterator();
  }

  @Override
  public ListIterator<Statement> listIterator() {
    return decoded().listIterator();
  }

  @Override
  public ListIterator<Statement> listIterator(int index) {
    return decoded().listIterator(index);
  }

  @Override
  public Spliterator<Statement> spliterator() {
    return decoded().spliterator();
  }

  @Override
  public Stream<Statement> stream() {
    return decoded().stream();
  }

  @Override
  public void forEach(Consumer<? super Statement> action) {
    decoded().forEach(action);
  }

  @Override
  public List<Statement> subList(int fromIndex, int toIndex) {
    return decoded().subList(fromIndex, toIndex);
  }

  @Override
  public Object[] toArray() {
    return decoded().toArray();
  }

  @Override
  public <T> T[] toArray(T[] array) {
    return decoded().toArray(array);
  }

  @Override
  public boolean contains(Object o) {
    return decoded().contains(o);
  }

  @Override
  public int indexOf(Object o) {
    return decoded().indexOf(o);
  }

  @Override
  public int lastIndexOf(Object o) {
    return decoded().lastIndexOf(o);
  }

  @Override
  public boolean removeIf(Predicate<? super Statement> filter) {
    throw new UnsupportedOperationException("a section's statements are unmodifiable");
  }

  @Override
  public void replaceAll(UnaryOperator<Statement> operator) {
    throw new UnsupportedOperationException("a section's statements are unmodifiable");
  }
}

package dev.strata.compiler;

import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.RevisionFile;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The binary form of a parsed {@link RevisionFile} in the {@link ParseCache}: an explicit codec
 * over the syntax tree's own types, derived once per process from the tree's declarations by
 * reflection, starting at {@link RevisionFile} and following record components, the permitted
 * subclasses of sealed interfaces and the type arguments of {@code List}, {@code Optional}.
 *
 * <p>Only these shapes exist: a record (its components in order), a sealed interface (the index of
 * the permitted record, then that record), an enum (its ordinal), {@code String} (UTF-8, length
 * first), {@code int}/{@code long} (zig-zag variable-length), {@code boolean}, {@code double},
 * boxed {@code Boolean}/{@code Long}/{@code Integer}, {@code List<T>} (size, then the elements),
 * {@code Optional<T>} and {@code OptionalInt} (a presence byte, then the value). A type outside
 * them makes the class fail to initialise (a test walks the whole tree), so a new AST shape cannot
 * be cached wrongly.
 *
 * <p>Decoding never names a class from the input: the input only selects among the classes of
 * this fixed table by index, and every record is built through its canonical constructor, which
 * checks its own invariants (an {@link IllegalArgumentException} or {@link NullPointerException}
 * there, like an index out of range or a short input, is a {@link Damaged} entry). {@link
 * RevisionFile#source()} is not encoded: the caller supplies the {@link SourceFile} it read, so
 * that diagnostics print the path and text of this run.
 *
 * <p>{@link #FINGERPRINT} is a SHA-256 over the table (class names, component names and types,
 * enum constants, the order of permitted subclasses): a cache written by a build whose tree differs
 * in any of these is foreign.
 */
final class AstCodec {
  private AstCodec() {}

  /** One type's encoder and decoder. */
  private sealed interface Codec {}

  private record RecordCodec(
      Class<?> type, MethodHandle[] accessors, Codec[] components, MethodHandle constructor)
      implements Codec {}

  private record SealedCodec(Class<?> type, Class<?>[] permitted, Codec[] cases) implements Codec {}

  private record EnumCodec(Class<?> type, Object[] constants) implements Codec {}

  private record ListCodec(Codec element) implements Codec {}

  private record OptionalCodec(Codec element) implements Codec {}

  private enum Leaf implements Codec {
    STRING, INT, LONG, BOOLEAN, DOUBLE, OPTIONAL_INT
  }

  /** A record codec whose parts are filled in after it is registered (recursive types). */
  private static final class Pending {
    RecordCodec codec;
  }

  private static final Map<Type, Object> TABLE = new HashMap<>();
  private static final StringBuilder DESCRIPTION = new StringBuilder();
  /** Component arrays to fill in once the table is complete: {target, codecs[, index]}. */
  private static final List<Object[]> PENDING_PARTS = new ArrayList<>();
  private static final RecordCodec ROOT;

  /** The SHA-256 (hex) of the codec table's description: see the class comment. */
  static final String FINGERPRINT;

  static {
    try {
      ROOT = (RecordCodec) resolve(codecOf(RevisionFile.class));
      FINGERPRINT = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(DESCRIPTION.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (ReflectiveOperationException | NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // ---- the table ----

  private static Object codecOf(Type type) throws ReflectiveOperationException {
    Object known = TABLE.get(type);
    if (known != null) {
      return known;
    }
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      Type argument = parameterized.getActualTypeArguments()[0];
      Codec codec;
      if (raw == List.class) {
        codec = new ListCodec(resolveLater(argument));
      } else if (raw == Optional.class) {
        codec = new OptionalCodec(resolveLater(argument));
      } else {
        throw new IllegalStateException("no cache codec for " + type);
      }
      TABLE.put(type, codec);
      return codec;
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalStateException("no cache codec for " + type);
    }
    Codec leaf = leaf(c);
    if (leaf != null) {
      TABLE.put(type, leaf);
      return leaf;
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      DESCRIPTION.append("enum ").append(c.getName()).append(Arrays.toString(constants))
          .append('\n');
      EnumCodec codec = new EnumCodec(c, constants);
      TABLE.put(type, codec);
      return codec;
    }
    if (c.isRecord()) {
      Pending pending = new Pending();
      TABLE.put(type, pending);
      RecordComponent[] parts = c.getRecordComponents();
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle[] accessors = new MethodHandle[parts.length];
      Object[] codecs = new Object[parts.length];
      Class<?>[] types = new Class<?>[parts.length];
      DESCRIPTION.append("record ").append(c.getName());
      for (int i = 0; i < parts.length; i++) {
        RecordComponent part = parts[i];
        DESCRIPTION.append(' ').append(part.getName()).append(':')
            .append(part.getGenericType().getTypeName());
        types[i] = part.getType();
        accessors[i] = lookup.unreflect(part.getAccessor())
            .asType(MethodType.methodType(Object.class, Object.class));
      }
      DESCRIPTION.append('\n');
      for (int i = 0; i < parts.length; i++) {
        codecs[i] = c == RevisionFile.class && i == 0 ? null : codecOf(parts[i].getGenericType());
      }
      Constructor<?> canonical = c.getDeclaredConstructor(types);
      MethodHandle constructor = lookup.unreflectConstructor(canonical)
          .asSpreader(Object[].class, parts.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      Codec[] components = new Codec[parts.length];
      pending.codec = new RecordCodec(c, accessors, components, constructor);
      // components are resolved when the whole table is built (see resolve)
      PENDING_PARTS.add(new Object[] {components, codecs});
      return pending;
    }
    if (c.isSealed() && c.isInterface()) {
      Class<?>[] permitted = c.getPermittedSubclasses();
      DESCRIPTION.append("sealed ").append(c.getName());
      for (Class<?> p : permitted) {
        DESCRIPTION.append(' ').append(p.getName());
      }
      DESCRIPTION.append('\n');
      Codec[] cases = new Codec[permitted.length];
      SealedCodec codec = new SealedCodec(c, permitted, cases);
      TABLE.put(type, codec);
      for (int i = 0; i < permitted.length; i++) {
        PENDING_PARTS.add(new Object[] {cases, new Object[] {codecOf(permitted[i])}, i});
      }
      return codec;
    }
    throw new IllegalStateException("no cache codec for " + type);
  }

  /** A placeholder for a component's codec, resolved in {@link #resolve}. */
  private static Codec resolveLater(Type type) throws ReflectiveOperationException {
    Object codec = codecOf(type);
    return codec instanceof Codec done ? done : new Forward((Pending) codec);
  }

  /** A codec not known yet when it was needed (a record inside a list, recursively). */
  private record Forward(Pending pending) implements Codec {}

  /** Fills in every pending component once the table is complete. */
  private static Codec resolve(Object root) {
    for (Object[] parts : PENDING_PARTS) {
      if (parts.length == 2) {
        Codec[] target = (Codec[]) parts[0];
        Object[] codecs = (Object[]) parts[1];
        for (int i = 0; i < codecs.length; i++) {
          target[i] = codecs[i] == null ? null : direct(codecs[i]);
        }
      } else {
        ((Codec[]) parts[0])[(Integer) parts[2]] = direct(((Object[]) parts[1])[0]);
      }
    }
    PENDING_PARTS.clear();
    return direct(root);
  }

  private static Codec direct(Object codec) {
    return switch (codec) {
      case Pending pending -> pending.codec;
      case Forward forward -> forward.pending().codec;
      case ListCodec list when list.element() instanceof Forward f ->
          new ListCodec(f.pending().codec);
      case OptionalCodec optional when optional.element() instanceof Forward f ->
          new OptionalCodec(f.pending().codec);
      case Codec done -> done;
      default -> throw new IllegalStateException("not a codec: " + codec);
    };
  }

  private static Codec leaf(Class<?> c) {
    if (c == String.class) {
      return Leaf.STRING;
    } else if (c == int.class || c == Integer.class) {
      return Leaf.INT;
    } else if (c == long.class || c == Long.class) {
      return Leaf.LONG;
    } else if (c == boolean.class || c == Boolean.class) {
      return Leaf.BOOLEAN;
    } else if (c == double.class || c == Double.class) {
      return Leaf.DOUBLE;
    } else if (c == OptionalInt.class) {
      return Leaf.OPTIONAL_INT;
    }
    return null;
  }

  // ---- encoding ----

  /**
   * The encoding of {@code file} without its {@link RevisionFile#source()}, by reflection: the
   * reference the generated {@link AstEncoder} ({@link AstOutput#encode}, what the cache runs) is
   * tested against.
   */
  static byte[] encode(RevisionFile file) {
    AstOutput out = new AstOutput(1024);
    try {
      write(ROOT, file, out);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot encode " + file.source().path() + " for the cache", e);
    }
    return out.bytes();
  }

  private static void write(Codec codec, Object value, AstOutput out) throws Throwable {
    switch (codec) {
      case RecordCodec record -> {
        MethodHandle[] accessors = record.accessors();
        Codec[] components = record.components();
        for (int i = 0; i < accessors.length; i++) {
          if (components[i] != null) {
            write(components[i], (Object) accessors[i].invokeExact(value), out);
          }
        }
      }
      case SealedCodec sealed -> {
        Class<?>[] permitted = sealed.permitted();
        Class<?> actual = value.getClass();
        int index = 0;
        // a case is a record or a sealed sub-interface (Operation.PostgresOnly)
        while (!permitted[index].isAssignableFrom(actual)) {
          index++;
        }
        out.varint(index);
        write(sealed.cases()[index], value, out);
      }
      case EnumCodec ignored -> out.varint(((Enum<?>) value).ordinal());
      case ListCodec list -> {
        List<?> items = (List<?>) value;
        out.varint(items.size());
        for (Object item : items) {
          write(list.element(), item, out);
        }
      }
      case OptionalCodec optional -> {
        Optional<?> maybe = (Optional<?>) value;
        out.flag(maybe.isPresent());
        if (maybe.isPresent()) {
          write(optional.element(), maybe.get(), out);
        }
      }
      case Leaf leaf -> {
        switch (leaf) {
          case STRING -> out.string((String) value);
          case INT -> out.signed((Integer) value);
          case LONG -> out.signed((Long) value);
          case BOOLEAN -> out.flag((Boolean) value);
          case DOUBLE -> out.doubleValue((Double) value);
          case OPTIONAL_INT -> {
            OptionalInt maybe = (OptionalInt) value;
            out.flag(maybe.isPresent());
            if (maybe.isPresent()) {
              out.signed(maybe.getAsInt());
            }
          }
        }
      }
      case Forward forward -> write(forward.pending().codec, value, out);
    }
  }
}

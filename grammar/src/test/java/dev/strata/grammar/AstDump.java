package dev.strata.grammar;

import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An indented, deterministic dump of a parsed tree (records, lists, optionals, strings, enums,
 * spans), written to the {@code parse/ok/*.tree} golden files so that the must-parse corpus
 * asserts what was parsed, not only that it parsed. Components holding the {@link SourceFile}
 * (the file as read) are left out; a {@link Span} prints as {@code @line:column+length}, an
 * {@link Identifier} as {@code name "value" @span} ({@code quoted} when it was), an {@link Expr}
 * as {@code expr "sql" @span}.
 */
final class AstDump {
  private final StringBuilder out = new StringBuilder();

  private AstDump() {}

  /** The dump of {@code value}, ending with a line break. */
  static String of(Object value) {
    AstDump dump = new AstDump();
    dump.value(value, 0);
    dump.out.append('\n');
    return dump.out.toString();
  }

  private void value(Object value, int depth) {
    switch (value) {
      case null -> out.append("null");
      case Span span ->
          out.append('@').append(span.line()).append(':').append(span.column())
              .append('+').append(span.length());
      case String text -> string(text);
      case Identifier name -> {
        out.append(name.quoted() ? "quoted " : "name ");
        string(name.value());
        if (name.span().isPresent()) {
          out.append(' ');
          value(name.span().get(), depth);
        }
      }
      case Expr expr -> {
        out.append("expr ");
        string(expr.sql());
        out.append(' ');
        value(expr.span(), depth);
      }
      case Optional<?> optional -> {
        if (optional.isEmpty()) {
          out.append("-");
        } else {
          value(optional.get(), depth);
        }
      }
      case OptionalInt optional ->
          out.append(optional.isEmpty() ? "-" : String.valueOf(optional.getAsInt()));
      case Collection<?> items -> {
        if (items.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append('[');
        for (Object item : items) {
          newline(depth + 1);
          value(item, depth + 1);
        }
        newline(depth);
        out.append(']');
      }
      case Record record -> record(record, depth);
      case Enum<?> constant -> out.append(constant.name());
      default -> out.append(value);
    }
  }

  private void record(Record record, int depth) {
    Class<?> type = record.getClass();
    String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    out.append(name);
    for (RecordComponent component : type.getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value instanceof SourceFile) {
        continue;
      }
      newline(depth + 1);
      out.append(component.getName()).append(" = ");
      value(value, depth + 1);
    }
  }

  private void string(String text) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void newline(int depth) {
    out.append('\n').append("  ".repeat(depth));
  }
}

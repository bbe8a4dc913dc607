package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.Extension;
import dev.strata.compiler.schema.HandEdit;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Origin;
import dev.strata.compiler.schema.Routine;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Sequence;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.Trigger;
import dev.strata.compiler.schema.View;
import dev.strata.dialects.SchemaScript;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.StorageParameter;
import java.util.List;
import java.util.Optional;

/**
 * {@code strata schema REV --format json}: the schema model as JSON, for other tools. Keys come in
 * a fixed order and arrays in the model's order (the order of creation), so one model gives one
 * text. Expressions (defaults, checks, queries) are as the revisions wrote them; types, sequence
 * options and index keys as PostgreSQL spells them ({@link SchemaScript}). The shape is
 * documented in {@code docs/schema-model.md}, "JSON format"; {@code "format": 1} changes only when
 * a field changes meaning or goes away.
 */
final class SchemaJson {
  /** The version of the shape, printed as {@code "format"}. */
  static final int FORMAT = 1;

  private final SchemaScript sql;

  SchemaJson(SchemaScript sql) {
    this.sql = sql;
  }

  /** The model at {@code revisions} (the heads REV named; empty for base) as a JSON tree. */
  ObjectNode json(List<String> revisions, SchemaModel model) {
    ObjectNode root = JsonText.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode heads = root.putArray("revisions");
    revisions.forEach(heads::add);
    root.put("complete", !model.blind());
    ArrayNode edits = root.putArray("handEdits");
    for (HandEdit edit : model.handEdits()) {
      ObjectNode node = edits.addObject();
      node.put("dialect", edit.dialect());
      origin(node, edit.origin());
    }
    ArrayNode schemas = root.putArray("schemas");
    model.schemas().forEach((name, origin) -> {
      ObjectNode node = schemas.addObject();
      node.put("name", name);
      origin(node, origin);
    });
    ArrayNode extensions = root.putArray("extensions");
    model.extensions().values().forEach(e -> extension(extensions.addObject(), e));
    ArrayNode types = root.putArray("types");
    model.types().values().forEach(t -> type(types.addObject(), t));
    ArrayNode sequences = root.putArray("sequences");
    model.sequences().values().forEach(s -> sequence(sequences.addObject(), s));
    ArrayNode tables = root.putArray("tables");
    model.tables().values().forEach(t -> table(tables.addObject(), t));
    ArrayNode indexes = root.putArray("indexes");
    model.indexes().values().forEach(i -> index(indexes.addObject(), i));
    ArrayNode views = root.putArray("views");
    model.views().values().forEach(v -> view(views.addObject(), v));
    ArrayNode routines = root.putArray("routines");
    model.routines().values().forEach(r -> routine(routines.addObject(), r));
    ArrayNode triggers = root.putArray("triggers");
    model.triggers().values().forEach(t -> trigger(triggers.addObject(), t));
    return root;
  }

  private static void extension(ObjectNode node, Extension extension) {
    node.put("name", extension.name());
    optional(node, "schema", extension.schema());
    origin(node, extension.origin());
  }

  private static void type(ObjectNode node, EnumType type) {
    name(node, type.name());
    node.put("kind", "enum");
    ArrayNode values = node.putArray("values");
    type.values().forEach(values::add);
    optional(node, "comment", type.comment());
    origin(node, type.origin());
  }

  private void sequence(ObjectNode node, Sequence sequence) {
    name(node, sequence.name());
    ArrayNode options = node.putArray("options");
    sequence.options().forEach(o -> options.add(sql.sequenceOption(o)));
    sequence.ownedBy().ifPresentOrElse(owner -> {
      ObjectNode owned = node.putObject("ownedBy");
      name(owned, owner.table());
      owned.put("column", owner.column());
    }, () -> node.putNull("ownedBy"));
    optional(node, "comment", sequence.comment());
    origin(node, sequence.origin());
  }

  private void table(ObjectNode node, Table table) {
    name(node, table.name());
    node.put("unlogged", table.unlogged());
    table.partitionOf().ifPresentOrElse(parent -> name(node.putObject("partitionOf"), parent),
        () -> node.putNull("partitionOf"));
    parameters(node, table.options());
    ArrayNode columns = node.putArray("columns");
    table.columns().forEach(c -> column(columns.addObject(), c));
    ArrayNode constraints = node.putArray("constraints");
    table.constraints().forEach(c -> constraint(constraints.addObject(), c));
    optional(node, "comment", table.comment());
    origin(node, table.origin());
  }

  private void column(ObjectNode node, Column column) {
    node.put("name", column.name());
    node.put("type", sql.type(column.type()));
    node.put("notNull", column.notNull());
    expression(node, "default", column.defaultValue());
    column.identity().ifPresentOrElse(identity -> {
      ObjectNode id = node.putObject("identity");
      id.put("always", identity.always());
      ArrayNode options = id.putArray("options");
      identity.options().forEach(o -> options.add(sql.sequenceOption(o)));
    }, () -> node.putNull("identity"));
    expression(node, "generated", column.generated());
    optional(node, "collation", column.collation().map(c -> c.name().value()));
    optional(node, "comment", column.comment());
    origin(node, column.origin());
  }

  private static void constraint(ObjectNode node, Constraint constraint) {
    node.put("name", constraint.name());
    switch (constraint) {
      case Constraint.PrimaryKey key -> {
        node.put("kind", "primaryKey");
        strings(node, "columns", key.columns());
        timing(node, key.timing());
      }
      case Constraint.Unique unique -> {
        node.put("kind", "unique");
        strings(node, "columns", unique.columns());
        node.put("nullsNotDistinct", unique.nullsNotDistinct());
        timing(node, unique.timing());
      }
      case Constraint.Check check -> {
        node.put("kind", "check");
        node.put("condition", check.condition().sql());
        node.put("notValid", check.notValid());
      }
      case Constraint.ForeignKey key -> {
        node.put("kind", "foreignKey");
        strings(node, "columns", key.columns());
        name(node.putObject("references"), key.references());
        strings(node, "referencedColumns", key.referencedColumns());
        optional(node, "match", key.match().map(Enum::name));
        optional(node, "onDelete", key.onDelete().map(a -> a.name().replace('_', ' ')));
        optional(node, "onUpdate", key.onUpdate().map(a -> a.name().replace('_', ' ')));
        timing(node, key.timing());
        node.put("notValid", key.notValid());
      }
      case Constraint.Exclude exclude -> {
        node.put("kind", "exclude");
        strings(node, "columns", exclude.columns());
      }
    }
    origin(node, constraint.origin());
  }

  private void index(ObjectNode node, Index index) {
    name(node, index.name());
    name(node.putObject("table"), index.table());
    node.put("unique", index.unique());
    optional(node, "method", index.method());
    ArrayNode keys = node.putArray("keys");
    index.keys().forEach(k -> keys.add(sql.indexKey(k)));
    strings(node, "include", index.include());
    node.put("nullsNotDistinct", index.nullsNotDistinct());
    parameters(node, index.options());
    expression(node, "where", index.where());
    optional(node, "comment", index.comment());
    origin(node, index.origin());
  }

  private static void view(ObjectNode node, View view) {
    name(node, view.name());
    node.put("materialized", view.materialized());
    strings(node, "columns",
        view.definition().columns().stream().map(c -> c.value()).toList());
    node.put("query", view.definition().query().sql());
    optional(node, "comment", view.comment());
    origin(node, view.origin());
    // the renames PostgreSQL's view followed and its query as written does not (View)
    ArrayNode renamed = node.putArray("renamedSince");
    for (View.Rename rename : view.renamedSince()) {
      ObjectNode one = renamed.addObject();
      one.put("object", rename.object());
      optional(one, "owner", rename.owner());
      one.put("from", rename.from());
      one.put("to", rename.to());
      origin(one, rename.at());
    }
  }

  private static void routine(ObjectNode node, Routine routine) {
    name(node, routine.name());
    node.put("kind", routine.kind().keyword().toLowerCase(java.util.Locale.ROOT));
    strings(node, "argumentTypes", routine.argumentTypes());
    node.put("signature", routine.signature());
    node.put("sql", routine.sql());
    origin(node, routine.origin());
  }

  private static void trigger(ObjectNode node, Trigger trigger) {
    node.put("name", trigger.name());
    name(node.putObject("table"), trigger.table());
    node.put("sql", trigger.sql());
    origin(node, trigger.origin());
  }

  private static void name(ObjectNode node, ObjectName name) {
    node.put("schema", name.schema());
    node.put("name", name.name());
  }

  private static void timing(ObjectNode node, ConstraintTiming timing) {
    if (timing.isDefault()) {
      node.putNull("timing");
    } else {
      node.put("timing", timing.sql());
    }
  }

  private static void parameters(ObjectNode node, List<StorageParameter> parameters) {
    ObjectNode with = node.putObject("with");
    for (StorageParameter p : parameters) {
      String key = p.name().schema().map(s -> s.value() + ".").orElse("") + p.name().name().value();
      p.value().ifPresentOrElse(v -> with.put(key, v.sql()), () -> with.putNull(key));
    }
  }

  private static void expression(ObjectNode node, String key, Optional<Expr> expr) {
    optional(node, key, expr.map(Expr::sql));
  }

  private static void optional(ObjectNode node, String key, Optional<String> value) {
    value.ifPresentOrElse(v -> node.put(key, v), () -> node.putNull(key));
  }

  private static void strings(ObjectNode node, String key, List<String> values) {
    ArrayNode array = node.putArray(key);
    values.forEach(array::add);
  }

  private static void origin(ObjectNode node, Origin origin) {
    ObjectNode at = node.putObject("origin");
    at.put("revision", origin.revision());
    at.put("path", origin.path());
    at.put("line", origin.span().line());
    at.put("column", origin.span().column());
  }

}

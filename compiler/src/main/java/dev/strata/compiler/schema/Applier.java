package dev.strata.compiler.schema;

import dev.strata.compiler.schema.ModelState.Key;
import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Location;
import dev.strata.grammar.Severity;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.PostgresOnly;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.RoutineParameter;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.Statement;
import dev.strata.grammar.ast.TableConstraint;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import dev.strata.grammar.DialectId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies one revision's upgrade statements to a {@link ModelState}, checking each against the
 * model (the checks of {@link SchemaCode}). A statement that fails a check leaves the model as it
 * was (or does what PostgreSQL would have done up to the failure, never more), so that replay goes
 * on and reports every problem once.
 */
final class Applier {
  private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|'(?:[^']|'')*'|([A-Za-z_][A-Za-z0-9_$]*)");

  private final DialectId dialect;
  private final ModelState state;
  private final RevisionFile file;
  private final List<Diagnostic> diagnostics;
  private Statement statement;
  /** The relations one DROP statement names: they may depend on each other. */
  private Set<ObjectName> together = Set.of();
  /** Where the last {@code RENAME TO} or {@code SET SCHEMA} of a table moved it, if it did. */
  private ObjectName movedTo;

  Applier(ModelState state, RevisionFile file, List<Diagnostic> diagnostics) {
    this(state, file, diagnostics, DialectId.POSTGRESQL);
  }

  /** An applier for the model of a {@code dialect} database: its own blocks are replayed. */
  Applier(ModelState state, RevisionFile file, List<Diagnostic> diagnostics, DialectId dialect) {
    this.dialect = dialect;
    this.state = state;
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Applies every statement of the revision's upgrade section. */
  void applyRevision() {
    for (Statement s : file.upgrade().statements()) {
      apply(s);
    }
  }

  void apply(Statement s) {
    if (!s.dialects().isEmpty() && !s.runsOn(dialect.id())) {
      return; // a '-- +only' statement of other dialects never runs on this database
    }
    this.statement = s;
    Operation op = s.operation();
    switch (op) {
      case Operation.CreateTable create -> createTable(create);
      case Operation.CreatePartition partition -> createPartition(partition);
      case Operation.CreateTableAs as -> createTableAs(as);
      case Operation.DropTable drop -> {
        together = drop.tables().stream().map(ObjectName::of).collect(Collectors.toSet());
        for (QualifiedName name : drop.tables()) {
          dropTable(name, drop.ifExists(), drop.cascade());
        }
        together = Set.of();
      }
      case Operation.AlterTable alter -> alterTable(alter);
      case Operation.CreateIndex index -> createIndex(index);
      case Operation.DropIndex drop -> {
        for (QualifiedName name : drop.indexes()) {
          dropIndex(name, drop.ifExists(), drop.cascade());
        }
      }
      case Operation.RenameIndex rename -> renameIndex(rename);
      case Operation.CreateSchema create -> createSchema(create);
      case Operation.DropSchema drop -> dropSchema(drop);
      case Operation.Insert insert -> requireRelation(insert.table(), "table");
      case Operation.Update update -> requireRelation(update.table(), "table");
      case Operation.Delete delete -> requireRelation(delete.table(), "table");
      case Operation.Select ignored -> { }
      case Operation.Truncate truncate ->
          truncate.tables().forEach(t -> requireRelation(t.table(), "table"));
      case Operation.RawSql raw -> rawSql(raw);
      case PostgresOnly.CreateExtension create -> createExtension(create);
      case PostgresOnly.DropExtension drop -> {
        for (Identifier name : drop.names()) {
          String key = ObjectName.fold(name);
          if (state.extensions.remove(key) == null) {
            missingObject("extension", key, Keys.other("extension", key), name.span(),
                drop.ifExists());
          } else {
            dropped(Keys.other("extension", key), name.span());
          }
        }
      }
      case Operation.CreateEnumType create -> createEnum(create);
      case Operation.AddEnumValue add -> addEnumValue(add);
      case Operation.RenameEnumValue rename -> renameEnumValue(rename);
      case Operation.RenameType rename -> renameType(rename);
      case Operation.DropType drop -> {
        for (QualifiedName name : drop.types()) {
          dropType(name, drop.ifExists(), drop.cascade());
        }
      }
      case Operation.CreateSequence create -> createSequence(create);
      case Operation.AlterSequence alter -> alterSequence(alter);
      case Operation.RenameSequence rename -> renameSequence(rename);
      case Operation.DropSequence drop -> {
        for (QualifiedName name : drop.sequences()) {
          ObjectName seq = ObjectName.of(name);
          if (state.sequences.containsKey(seq)) {
            state.sequences.remove(seq);
            dropped(Keys.relation(seq), name.name().span());
          } else {
            missingRelation(name, "sequence", drop.ifExists());
          }
        }
      }
      case Operation.CommentOn comment -> commentOn(comment);
      case PostgresOnly.CreateCompositeType create -> createOtherType(create.type());
      case PostgresOnly.CreateDomain create -> createOtherType(create.domain());
      case PostgresOnly.DropDomain drop -> {
        for (QualifiedName name : drop.domains()) {
          ObjectName domain = ObjectName.of(name);
          if (state.otherTypes.remove(domain) == null) {
            missingObject("domain", domain.display(), Keys.type(domain), name.name().span(),
                drop.ifExists());
          } else {
            dropped(Keys.type(domain), name.name().span());
          }
        }
      }
      case PostgresOnly.CreateRoutine create -> createRoutine(create);
      case PostgresOnly.DropRoutine drop -> dropRoutine(drop);
      case PostgresOnly.AlterRoutine alter -> routineNamed(alter.signature().name(),
          alter.signature().parameters(), false);
      case PostgresOnly.AlterOwner ignored -> { }
      case PostgresOnly.CreateTrigger create -> createTrigger(create);
      case PostgresOnly.DropTrigger drop -> {
        requireTable(drop.table(), drop.ifExists()).ifPresent(table -> {
          Key key = Keys.trigger(table.name(), ObjectName.fold(drop.name()));
          if (state.triggers.remove(key.toString()) == null) {
            missingObject("trigger", ObjectName.fold(drop.name()) + " on " + table.name(), key,
                drop.name().span(), drop.ifExists());
          } else {
            dropped(key, drop.name().span());
          }
        });
      }
      case PostgresOnly.RenameTrigger rename -> renameTrigger(rename);
      case PostgresOnly.SwitchTrigger change ->
          requireTable(change.table(), change.ifExists()).ifPresent(table ->
              change.trigger().ifPresent(name -> {
                Key key = Keys.trigger(table.name(), ObjectName.fold(name));
                if (!state.triggers.containsKey(key.toString())) {
                  missingObject("trigger", ObjectName.fold(name) + " on " + table.name(), key,
                      name.span(), false);
                }
              }));
      case PostgresOnly.Do ignored -> handEdit("DO");
      case PostgresOnly.Call ignored -> { }
      case PostgresOnly.RowSecurity security -> requireTable(security.table(), security.ifExists());
      case PostgresOnly.CreatePolicy policy -> requireTable(policy.table(), false);
      case PostgresOnly.AlterPolicy policy -> requireTable(policy.table(), false);
      case PostgresOnly.DropPolicy policy -> requireTable(policy.table(), policy.ifExists());
      case PostgresOnly.Grant ignored -> { }
      case PostgresOnly.Revoke ignored -> { }
      case PostgresOnly.GrantRole ignored -> { }
      case PostgresOnly.RevokeRole ignored -> { }
      case PostgresOnly.AlterDefaultPrivileges ignored -> { }
      case PostgresOnly.CreateRole ignored -> { }
      case PostgresOnly.AlterRole ignored -> { }
      case PostgresOnly.DropRole ignored -> { }
      case PostgresOnly.CreateDatabase ignored -> { }
      case PostgresOnly.DropDatabase ignored -> { }
      case PostgresOnly.AlterSystem ignored -> { }
      case PostgresOnly.Vacuum ignored -> { }
      case PostgresOnly.Analyze ignored -> { }
      case PostgresOnly.Reindex ignored -> { }
      case PostgresOnly.Lock lock -> lock.tables().forEach(t -> requireRelation(t, "table"));
      case PostgresOnly.Notify ignored -> { }
      case PostgresOnly.SetSetting ignored -> { }
      case PostgresOnly.ResetSetting ignored -> { }
      case Operation.CreateView create -> {
        if (!create.temporary()) {
          createView(create.view(), false, create.orReplace(), false, create.definition());
        }
      }
      case Operation.DropView drop -> {
        together = drop.views().stream().map(ObjectName::of).collect(Collectors.toSet());
        for (QualifiedName name : drop.views()) {
          dropView(name, false, drop.ifExists(), drop.cascade());
        }
        together = Set.of();
      }
      case Operation.AlterView alter -> alterView(alter.view(), false, alter.ifExists(),
          alter.change());
      case PostgresOnly.CreateMaterializedView create ->
          createView(create.view(), true, false, create.ifNotExists(), create.definition());
      case PostgresOnly.DropMaterializedView drop -> {
        together = drop.views().stream().map(ObjectName::of).collect(Collectors.toSet());
        for (QualifiedName name : drop.views()) {
          dropView(name, true, drop.ifExists(), drop.cascade());
        }
        together = Set.of();
      }
      case PostgresOnly.AlterMaterializedView alter -> alterView(alter.view(), true,
          alter.ifExists(), alter.change());
      case PostgresOnly.RefreshMaterializedView refresh -> {
        ObjectName name = ObjectName.of(refresh.view());
        if (!state.views.containsKey(name)) {
          missingRelation(refresh.view(), "materialized view", false);
        }
      }
    }
  }

  // ---- raw blocks

  private void rawSql(Operation.RawSql raw) {
    if (!raw.dialect().equals(dialect.id())) {
      return; // the model is this dialect's: another dialect's block never runs on it
    }
    if (raw.model().isEmpty()) {
      handEdit(raw.dialect());
      return;
    }
    Statement block = statement;
    for (Statement declared : raw.model()) {
      apply(declared);
    }
    statement = block;
  }

  private void handEdit(String dialect) {
    state.handEdits.add(new HandEdit(dialect, origin(Optional.of(statement.span()))));
  }

  // ---- schemas and extensions

  private void createSchema(Operation.CreateSchema create) {
    String name = ObjectName.fold(create.schema());
    Key key = Keys.other("schema", name);
    if (name.equals(ObjectName.DEFAULT_SCHEMA) || state.schemas.containsKey(name)) {
      if (!create.ifNotExists()) {
        duplicate(SchemaCode.DUPLICATE_OBJECT, "schema " + ObjectName.quoted(name),
            create.schema().span(), Optional.ofNullable(state.schemas.get(name)));
      }
      return;
    }
    state.schemas.put(name, created(key, create.schema().span()));
  }

  private void dropSchema(Operation.DropSchema drop) {
    String name = ObjectName.fold(drop.schema());
    Key key = Keys.other("schema", name);
    if (!state.schemas.containsKey(name)) {
      missingObject("schema", ObjectName.quoted(name), key, drop.schema().span(), drop.ifExists());
      return;
    }
    List<ObjectName> inside = new ArrayList<>();
    state.tables.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    state.views.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    state.sequences.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    state.types.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    if (!inside.isEmpty() && !drop.cascade()) {
      ObjectName first = inside.getFirst();
      error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop schema " + ObjectName.quoted(name)
              + " because other objects depend on it", drop.schema().span(),
          "note: " + first.display() + " is in it, created at "
              + state.relationOrigin(first).or(() -> Optional.ofNullable(state.types.get(first))
                  .map(EnumType::origin)).map(Origin::describe).orElse("?"),
          "help: drop the objects first, or write DROP SCHEMA ... CASCADE");
      return;
    }
    for (ObjectName table : List.copyOf(state.tables.keySet())) {
      if (table.schema().equals(name) && state.tables.containsKey(table)) {
        removeTableAndDependents(table, true);
      }
    }
    state.views.keySet().removeIf(n -> n.schema().equals(name));
    state.sequences.keySet().removeIf(n -> n.schema().equals(name));
    state.types.keySet().removeIf(n -> n.schema().equals(name));
    state.otherTypes.keySet().removeIf(n -> n.schema().equals(name));
    state.indexes.keySet().removeIf(n -> n.schema().equals(name));
    state.routines.values().removeIf(r -> r.name().schema().equals(name));
    state.schemas.remove(name);
    dropped(key, drop.schema().span());
  }

  private boolean requireSchema(QualifiedName name) {
    if (name.schema().isEmpty()) {
      return true;
    }
    String schema = ObjectName.fold(name.schema().get());
    if (schema.equals(ObjectName.DEFAULT_SCHEMA) || schema.startsWith("pg_")
        || schema.equals("information_schema") || state.schemas.containsKey(schema)) {
      return true;
    }
    missingObject("schema", ObjectName.quoted(schema), Keys.other("schema", schema),
        name.schema().get().span(), false);
    return false;
  }

  private void createExtension(PostgresOnly.CreateExtension create) {
    String name = ObjectName.fold(create.name());
    Key key = Keys.other("extension", name);
    if (state.extensions.containsKey(name)) {
      if (!create.ifNotExists()) {
        duplicate(SchemaCode.DUPLICATE_OBJECT, "extension " + ObjectName.quoted(name),
            create.name().span(), Optional.of(state.extensions.get(name).origin()));
      }
      return;
    }
    state.extensions.put(name, new Extension(name, create.schema().map(ObjectName::fold),
        created(key, create.name().span())));
  }

  // ---- tables

  private void createTable(Operation.CreateTable create) {
    ObjectName name = ObjectName.of(create.table());
    if (!requireSchema(create.table()) || !freeRelation(create.table(), create.ifNotExists())) {
      return;
    }
    Origin origin = created(Keys.relation(name), create.table().name().span());
    Table table = new Table(name, List.of(), List.of(), create.unlogged(), create.partitionBy(),
        Optional.empty(), create.options(), Optional.empty(), origin);
    state.putTable(table);
    List<TableConstraint> constraints = new ArrayList<>();
    for (ColumnDef column : create.columns()) {
      if (!addColumn(name, column, false, constraints)) {
        continue;
      }
    }
    constraints.addAll(create.constraints());
    addConstraints(name, constraints);
  }

  private void createPartition(Operation.CreatePartition create) {
    ObjectName name = ObjectName.of(create.table());
    if (!requireSchema(create.table()) || !freeRelation(create.table(), create.ifNotExists())) {
      return;
    }
    Optional<Table> parent = requireTable(create.parent(), false);
    Origin origin = created(Keys.relation(name), create.table().name().span());
    List<Column> columns = parent.map(Table::columns).orElse(List.of());
    state.putTable(new Table(name, columns, List.of(), create.unlogged(), create.partitionBy(),
        parent.map(Table::name), create.options(), Optional.empty(), origin));
    if (parent.isPresent() && state.opaqueTables.containsKey(parent.get().name())) {
      state.opaqueTables.put(name, origin);
    }
    addConstraints(name, create.constraints());
  }

  private void createTableAs(Operation.CreateTableAs create) {
    ObjectName name = ObjectName.of(create.table());
    if (!requireSchema(create.table()) || !freeRelation(create.table(), create.ifNotExists())) {
      return;
    }
    Origin origin = created(Keys.relation(name), create.table().name().span());
    state.putTable(new Table(name, List.of(), List.of(), create.unlogged(), Optional.empty(),
        Optional.empty(), create.options(), Optional.empty(), origin));
    state.opaqueTables.put(name, origin);
  }

  /** Adds a column to the table {@code table}; its constraints go to {@code constraints}. */
  private boolean addColumn(ObjectName tableName, ColumnDef def, boolean ifNotExists,
      List<TableConstraint> constraints) {
    Table table = state.tables.get(tableName);
    String name = ObjectName.fold(def.name());
    Optional<Column> existing = table.column(name);
    if (existing.isPresent()) {
      if (!ifNotExists) {
        duplicate(SchemaCode.DUPLICATE_COLUMN, "column " + ObjectName.quoted(name) + " of table "
            + tableName, def.name().span(), Optional.of(existing.get().origin()));
      }
      return false;
    }
    boolean notNull = false;
    Optional<dev.strata.grammar.ast.Expr> defaultValue = Optional.empty();
    Optional<ColumnConstraint.Identity> identity = Optional.empty();
    Optional<dev.strata.grammar.ast.Expr> generated = Optional.empty();
    for (ColumnConstraint c : def.constraints()) {
      switch (c) {
        case ColumnConstraint.NotNull ignored -> notNull = true;
        case ColumnConstraint.Null ignored -> notNull = false;
        case ColumnConstraint.Default d -> defaultValue = Optional.of(d.value());
        case ColumnConstraint.Generated g -> generated = Optional.of(g.expression());
        case ColumnConstraint.Identity i -> {
          identity = Optional.of(i);
          notNull = true;
        }
        case ColumnConstraint.PrimaryKey pk -> {
          notNull = true;
          constraints.add(new TableConstraint.PrimaryKey(pk.name(), List.of(def.name()),
              pk.timing()));
        }
        case ColumnConstraint.Unique u -> constraints.add(new TableConstraint.Unique(u.name(),
            List.of(def.name()), false, u.timing()));
        case ColumnConstraint.Check check -> constraints.add(new TableConstraint.Check(
            check.name(), check.condition(), false));
        case ColumnConstraint.References ref -> constraints.add(new TableConstraint.ForeignKey(
            ref.name(), List.of(def.name()), ref.table(), ref.column().stream().toList(),
            ref.match(), ref.onDelete(), ref.onUpdate(), ref.timing(), false));
      }
    }
    Origin origin = created(Keys.column(tableName, name), def.name().span());
    Column column = new Column(name, def.type(), notNull, defaultValue, identity, generated,
        def.collation(), Optional.empty(), origin);
    List<Column> columns = new ArrayList<>(table.columns());
    columns.add(column);
    state.putTable(withColumns(table, columns));
    if (def.type().kind().autoIncrement() || identity.isPresent()) {
      String seq = ImplicitNames.choose(tableName.name(), name, "seq",
          n -> state.relationTaken(new ObjectName(tableName.schema(), n)));
      state.implicitSequences.put(new ObjectName(tableName.schema(), seq),
          new ColumnRef(tableName, name));
    }
    return true;
  }

  /** Adds constraints in PostgreSQL's order of naming: checks, keys, exclusions, foreign keys. */
  private void addConstraints(ObjectName tableName, List<TableConstraint> constraints) {
    List<String> checkNames = new ArrayList<>();
    for (TableConstraint c : constraints) {
      if (c instanceof TableConstraint.Check check) {
        addCheck(tableName, check, checkNames);
      }
    }
    constraints.stream().filter(TableConstraint.PrimaryKey.class::isInstance)
        .forEach(c -> addConstraint(tableName, c));
    for (TableConstraint c : constraints) {
      if (!(c instanceof TableConstraint.Check) && !(c instanceof TableConstraint.PrimaryKey)
          && !(c instanceof TableConstraint.ForeignKey)) {
        addConstraint(tableName, c);
      }
    }
    constraints.stream().filter(TableConstraint.ForeignKey.class::isInstance)
        .forEach(c -> addConstraint(tableName, c));
  }

  private void addCheck(ObjectName tableName, TableConstraint.Check check, List<String> names) {
    Table table = state.tables.get(tableName);
    String name;
    if (check.name().isPresent()) {
      name = ObjectName.fold(check.name().get());
      if (!freeConstraintName(table, check.name().get(), false)) {
        return;
      }
    } else {
      Set<String> read = readColumns(check.condition().sql(), table);
      name = ImplicitNames.choose(tableName.name(), read.size() == 1 ? read.iterator().next() : null,
          "check", n -> names.contains(n) || state.constraintNameUsed(tableName.schema(), n));
    }
    names.add(name);
    Origin origin = created(Keys.constraint(tableName, name),
        check.name().flatMap(Identifier::span).or(() -> Optional.of(check.condition().span())));
    putConstraint(tableName, new Constraint.Check(name, check.condition(), check.notValid(),
        origin));
  }

  /** The table's columns {@code sql} names (outside strings), in order of appearance. */
  private static Set<String> readColumns(String sql, Table table) {
    Set<String> read = new LinkedHashSet<>();
    Matcher m = WORD.matcher(sql);
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
          : m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : null;
      if (word != null && table.column(word).isPresent()) {
        read.add(word);
      }
    }
    return read;
  }

  private void addConstraint(ObjectName tableName, TableConstraint c) {
    Table table = state.tables.get(tableName);
    // a UNIQUE/PRIMARY KEY constraint is also a relation (its index), except one that takes over
    // an index of its own name (ADD CONSTRAINT i UNIQUE USING INDEX i, the lint alternative)
    boolean relation = switch (c) {
      case TableConstraint.ForeignKey ignored -> false;
      case TableConstraint.Check ignored -> false;
      case TableConstraint.UsingIndex using ->
          !c.name().map(ObjectName::fold).equals(Optional.of(ObjectName.fold(using.index())));
      default -> true;
    };
    if (c.name().isPresent() && !freeConstraintName(table, c.name().get(), relation)) {
      return;
    }
    Optional<Span> at = c.name().flatMap(Identifier::span);
    if (relation && c.name().isPresent()) {
      // its index takes the name in the schema's relations: two branches that each add one of
      // that name, on different tables, meet at their merge (PostgreSQL: "relation already
      // exists"), as two tables of one name do
      touch(Keys.relation(new ObjectName(tableName.schema(), ObjectName.fold(c.name().get()))),
          at);
    }
    switch (c) {
      case TableConstraint.Check check -> addCheck(tableName, check, new ArrayList<>());
      case TableConstraint.PrimaryKey pk -> {
        if (table.primaryKey().isPresent()) {
          duplicate(SchemaCode.DUPLICATE_CONSTRAINT, "primary key of table " + tableName,
              at.or(() -> first(pk.columns())), Optional.of(table.primaryKey().get().origin()));
          return;
        }
        List<String> columns = keyColumns(table, pk.columns());
        if (columns == null) {
          return;
        }
        String name = c.name().map(ObjectName::fold).orElseGet(() -> relationName(tableName,
            null, "pkey", true));
        Origin origin = created(Keys.constraint(tableName, name), at.or(() -> first(pk.columns())));
        Table current = state.tables.get(tableName);
        List<Column> notNull = current.columns().stream()
            .map(col -> columns.contains(col.name()) ? withNotNull(col, true) : col).toList();
        state.putTable(withColumns(current, notNull));
        putConstraint(tableName, new Constraint.PrimaryKey(name, columns, pk.timing(), origin));
      }
      case TableConstraint.Unique unique -> {
        List<String> columns = keyColumns(table, unique.columns());
        if (columns == null) {
          return;
        }
        String name = c.name().map(ObjectName::fold).orElseGet(() -> relationName(tableName,
            ImplicitNames.columns(columns), "key", true));
        Origin origin = created(Keys.constraint(tableName, name),
            at.or(() -> first(unique.columns())));
        putConstraint(tableName, new Constraint.Unique(name, columns, unique.nullsNotDistinct(),
            unique.timing(), origin));
      }
      case TableConstraint.Exclude exclude -> {
        List<String> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (TableConstraint.ExclusionElement e : exclude.elements()) {
          keys.add(e.key().column().map(ObjectName::fold).orElse(null));
          texts.add(e.key().expression().map(dev.strata.grammar.ast.Expr::sql).orElse(""));
        }
        String name = c.name().map(ObjectName::fold).orElseGet(() -> relationName(tableName,
            ImplicitNames.columns(ImplicitNames.indexColumns(keys, texts)), "excl", true));
        putConstraint(tableName, new Constraint.Exclude(name, exclude,
            created(Keys.constraint(tableName, name), at.or(() -> Optional.of(statement.span())))));
      }
      case TableConstraint.ForeignKey fk -> addForeignKey(tableName, fk);
      case TableConstraint.UsingIndex using -> {
        ObjectName indexName = ObjectName.in(tableName, using.index());
        Index index = state.indexes.get(indexName);
        if (index == null || !index.table().equals(tableName)) {
          missingRelation(new QualifiedName(Optional.empty(), using.index()), "index", false);
          return;
        }
        String name = c.name().map(ObjectName::fold).orElse(indexName.name());
        List<String> columns = index.keys().stream()
            .map(k -> k.column().map(ObjectName::fold).orElse("")).toList();
        state.indexes.remove(indexName);
        Origin origin = created(Keys.constraint(tableName, name), at.or(using.index()::span));
        if (using.primaryKey()) {
          putConstraint(tableName, new Constraint.PrimaryKey(name, columns, using.timing(),
              origin));
        } else {
          putConstraint(tableName, new Constraint.Unique(name, columns, index.nullsNotDistinct(),
              using.timing(), origin));
        }
      }
    }
  }

  private void addForeignKey(ObjectName tableName, TableConstraint.ForeignKey fk) {
    Table table = state.tables.get(tableName);
    List<String> columns = keyColumns(table, fk.columns());
    if (columns == null) {
      return;
    }
    ObjectName target = ObjectName.of(fk.table());
    Table referenced = state.tables.get(target);
    if (referenced == null) {
      Optional<Span> at = span(fk.table());
      if (!blindWarning(SchemaCode.FOREIGN_KEY_TABLE, "table " + target,
          Keys.relation(target), at)) {
        error(SchemaCode.FOREIGN_KEY_TABLE, "foreign key to table " + target
            + ", which does not exist", at, goneNote(Keys.relation(target)));
      }
      return;
    }
    List<String> refColumns;
    if (fk.referencedColumns().isEmpty()) {
      Optional<Constraint.PrimaryKey> pk = referenced.primaryKey();
      if (pk.isEmpty()) {
        if (!blindWarning(SchemaCode.FOREIGN_KEY_NO_PRIMARY_KEY, "primary key of " + target,
            Keys.part(Keys.relation(target), "primary key"), span(fk.table()))) {
          error(SchemaCode.FOREIGN_KEY_NO_PRIMARY_KEY, "there is no primary key for referenced"
                  + " table " + target, span(fk.table()),
              "note: table " + target + " is created at " + referenced.origin().describe(),
              "help: name the referenced columns: REFERENCES " + target + " (column)");
        }
        return;
      }
      refColumns = pk.get().columns();
    } else {
      refColumns = new ArrayList<>();
      for (Identifier id : fk.referencedColumns()) {
        String col = ObjectName.fold(id);
        if (referenced.column(col).isEmpty() && !state.opaqueTables.containsKey(target)) {
          if (!blindWarning(SchemaCode.FOREIGN_KEY_COLUMN, "column " + col + " of table "
              + target, Keys.column(target, col), id.span())) {
            error(SchemaCode.FOREIGN_KEY_COLUMN, "foreign key to column " + ObjectName.quoted(col)
                    + " of table " + target + ", which does not exist", id.span(),
                goneNote(Keys.column(target, col), "note: table " + target + " is created at "
                    + referenced.origin().describe()));
          }
          return;
        }
        refColumns.add(col);
      }
      if (!uniqueKey(referenced, refColumns) && !state.opaqueTables.containsKey(target)) {
        if (!blindWarning(SchemaCode.FOREIGN_KEY_NOT_UNIQUE, "unique constraint on " + target
            + " (" + String.join(", ", refColumns) + ")",
            Keys.part(Keys.relation(target), "unique"), fk.referencedColumns().getFirst().span())) {
          error(SchemaCode.FOREIGN_KEY_NOT_UNIQUE, "there is no unique constraint matching"
                  + " columns (" + String.join(", ", refColumns) + ") of referenced table "
                  + target, fk.referencedColumns().getFirst().span(),
              "note: table " + target + " is created at " + referenced.origin().describe(),
              "help: a foreign key references a primary key or unique constraint (or unique"
                  + " index) on exactly these columns");
        }
        return;
      }
    }
    String name = fk.name().map(ObjectName::fold).orElseGet(() -> ImplicitNames.choose(
        tableName.name(), ImplicitNames.columns(columns), "fkey",
        n -> state.constraintNameUsed(tableName.schema(), n)));
    Origin origin = created(Keys.constraint(tableName, name),
        fk.name().flatMap(Identifier::span).or(() -> first(fk.columns())));
    putConstraint(tableName, new Constraint.ForeignKey(name, columns, target, refColumns,
        fk.match(), fk.onDelete(), fk.onUpdate(), fk.timing(), fk.notValid(), origin));
  }

  private boolean uniqueKey(Table table, List<String> columns) {
    Set<String> wanted = new HashSet<>(columns);
    boolean constraint = table.constraints().stream().anyMatch(c ->
        (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique)
            && new HashSet<>(c.columns()).equals(wanted) && c.columns().size() == columns.size());
    return constraint || state.indexesOn(table.name()).stream().anyMatch(i -> i.unique()
        && i.where().isEmpty() && i.keys().size() == columns.size()
        && i.keys().stream().allMatch(k -> k.column().map(ObjectName::fold)
            .filter(wanted::contains).isPresent()));
  }

  /** The folded key columns, or null after reporting one that does not exist. */
  private List<String> keyColumns(Table table, List<Identifier> ids) {
    List<String> out = new ArrayList<>();
    for (Identifier id : ids) {
      String col = ObjectName.fold(id);
      if (table.column(col).isEmpty() && !state.opaqueTables.containsKey(table.name())) {
        missingColumn(table, id);
        return null;
      }
      out.add(col);
    }
    return out;
  }

  private boolean freeConstraintName(Table table, Identifier id, boolean indexBacked) {
    String name = ObjectName.fold(id);
    Optional<Constraint> existing = table.constraint(name);
    if (existing.isPresent()) {
      duplicate(SchemaCode.DUPLICATE_CONSTRAINT, "constraint " + ObjectName.quoted(name)
          + " of table " + table.name(), id.span(), Optional.of(existing.get().origin()));
      return false;
    }
    ObjectName asRelation = new ObjectName(table.name().schema(), name);
    if (indexBacked && state.relationTaken(asRelation)) {
      duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + asRelation.display(), id.span(),
          state.relationOrigin(asRelation));
      return false;
    }
    return true;
  }

  private String relationName(ObjectName table, String columns, String label, boolean constraint) {
    return ImplicitNames.choose(table.name(), columns, label, n -> {
      ObjectName candidate = new ObjectName(table.schema(), n);
      return state.relationTaken(candidate)
          || constraint && state.constraintNameUsed(table.schema(), n);
    });
  }

  private void putConstraint(ObjectName tableName, Constraint constraint) {
    Table table = state.tables.get(tableName);
    List<Constraint> constraints = new ArrayList<>(table.constraints());
    constraints.add(constraint);
    state.putTable(withConstraints(table, constraints));
  }

  private void dropTable(QualifiedName name, boolean ifExists, boolean cascade) {
    ObjectName table = ObjectName.of(name);
    if (!state.tables.containsKey(table)) {
      if (state.views.containsKey(table)) {
        wrongKind(name, "table");
        return;
      }
      missingRelation(name, "table", ifExists);
      return;
    }
    if (!cascade) {
      Optional<String> dependent = tableDependent(table);
      if (dependent.isPresent()) {
        error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop table " + table
                + " because other objects depend on it", span(name),
            "note: " + dependent.get(),
            "help: drop the dependent objects first, or write DROP TABLE ... CASCADE");
        return;
      }
    }
    removeTableAndDependents(table, cascade);
    dropped(Keys.relation(table), name.name().span());
  }

  /** A foreign key of another table or a view that depends on {@code table}, described. */
  private Optional<String> tableDependent(ObjectName table) {
    for (Table other : state.referencing(table)) {
      if (other.name().equals(table) || other.partitionOf().filter(table::equals).isPresent()
          || together.contains(other.name())) {
        continue;
      }
      for (Constraint c : other.constraints()) {
        if (c instanceof Constraint.ForeignKey fk && fk.references().equals(table)) {
          return Optional.of("constraint " + fk.name() + " on table " + other.name()
              + " references it, created at " + fk.origin().describe());
        }
      }
    }
    for (View view : state.readersOf(table)) {
      if (!together.contains(view.name())) {
        return Optional.of("view " + view.name() + " reads it, created at "
            + view.origin().describe());
      }
    }
    return Optional.empty();
  }

  private void removeTableAndDependents(ObjectName table, boolean cascade) {
    Table removed = state.tables.get(table);
    state.removeTable(table);
    state.opaqueTables.remove(table);
    state.indexesOn(table).forEach(i -> state.indexes.remove(i.name()));
    state.triggersOn(table).forEach(t -> state.triggers.remove(t.key()));
    state.sequencesOwnedBy(table).forEach(s -> state.sequences.remove(s.name()));
    state.implicitSequencesOf(table).forEach(state.implicitSequences::remove);
    // its partitions go with it; the other tables' foreign keys to it go (in creation order)
    List<Table> partitions = state.partitionsOf(table);
    List<ObjectName> affected = new ArrayList<>();
    partitions.forEach(t -> affected.add(t.name()));
    state.referencing(table).forEach(t -> affected.add(t.name()));
    for (ObjectName name : state.tables.inOrder(new LinkedHashSet<>(affected))) {
      Table other = state.tables.get(name);
      if (other == null) {
        continue; // gone with a partition dropped before it
      }
      if (other.partitionOf().filter(table::equals).isPresent()) {
        removeTableAndDependents(other.name(), cascade);
        continue;
      }
      List<Constraint> kept = other.constraints().stream().filter(c ->
          !(c instanceof Constraint.ForeignKey fk && fk.references().equals(table))).toList();
      if (kept.size() != other.constraints().size()) {
        state.putTable(withConstraints(other, kept));
      }
    }
    if (cascade) {
      state.readersOf(table).forEach(view -> state.views.remove(view.name()));
    }
    if (removed != null) {
      for (Column c : removed.columns()) {
        state.gone.remove(Keys.column(table, c.name()));
      }
    }
  }

  private void alterTable(Operation.AlterTable alter) {
    ObjectName written = ObjectName.of(alter.table());
    if (state.views.containsKey(written) && alter.actions().size() == 1) {
      // PostgreSQL lets ALTER TABLE rename a view or move it to another schema
      AlterAction action = alter.actions().getFirst();
      ViewDefinition.Change change = null;
      if (action instanceof AlterAction.RenameTable rename) {
        change = new ViewDefinition.Change.RenameTo(rename.newName());
      } else if (action instanceof AlterAction.SetSchema set) {
        change = new ViewDefinition.Change.SetSchema(set.schema());
      }
      if (change != null) {
        alterView(alter.table(), state.views.get(written).materialized(), false, change);
        return;
      }
    }
    Optional<Table> found = requireTable(alter.table(), alter.ifExists());
    if (found.isEmpty()) {
      return;
    }
    ObjectName current = found.get().name();
    for (AlterAction action : alter.actions()) {
      final ObjectName name = current;
      Table table = state.tables.get(name);
      if (table == null) {
        return;
      }
      switch (action) {
        case AlterAction.AddColumn add -> {
          List<TableConstraint> constraints = new ArrayList<>();
          if (addColumn(name, add.column(), add.ifNotExists(), constraints)) {
            addConstraints(name, constraints);
          }
        }
        case AlterAction.DropColumn drop -> dropColumn(table, drop);
        case AlterAction.RenameColumn rename -> renameColumn(table, rename);
        case AlterAction.AlterColumnType change -> changeColumn(table, change.column(), col ->
            new Column(col.name(), change.type(), col.notNull(), col.defaultValue(),
                col.identity(), col.generated(), change.collation().or(col::collation),
                col.comment(), col.origin()));
        case AlterAction.SetDefault set -> changeColumn(table, set.column(), col ->
            new Column(col.name(), col.type(), col.notNull(), Optional.of(set.value()),
                col.identity(), col.generated(), col.collation(), col.comment(), col.origin()));
        case AlterAction.DropDefault drop -> changeColumn(table, drop.column(), col ->
            new Column(col.name(), col.type(), col.notNull(), Optional.empty(),
                col.identity(), col.generated(), col.collation(), col.comment(), col.origin()));
        case AlterAction.SetNotNull set -> changeColumn(table, set.column(),
            col -> withNotNull(col, true));
        case AlterAction.DropNotNull drop -> changeColumn(table, drop.column(),
            col -> withNotNull(col, false));
        case AlterAction.DropExpression drop -> changeColumn(table, drop.column(), col ->
            new Column(col.name(), col.type(), col.notNull(), col.defaultValue(),
                col.identity(), Optional.empty(), col.collation(), col.comment(), col.origin()));
        case AlterAction.AddConstraint add -> addConstraints(name, List.of(add.constraint()));
        case AlterAction.DropConstraint drop -> dropConstraint(table, drop);
        case AlterAction.RenameTable rename -> moveTable(table, alter.table(),
            new ObjectName(name.schema(), ObjectName.fold(rename.newName())), rename.newName());
        case AlterAction.AddIdentity add -> {
          changeColumn(table, add.column(), col -> new Column(col.name(), col.type(), true,
              col.defaultValue(), Optional.of(new ColumnConstraint.Identity(add.always(),
                  add.options())), col.generated(), col.collation(), col.comment(),
              col.origin()));
          String col = ObjectName.fold(add.column());
          if (state.tables.get(name).column(col).isPresent()) {
            String seq = ImplicitNames.choose(name.name(), col, "seq",
                n -> state.relationTaken(new ObjectName(name.schema(), n)));
            state.implicitSequences.put(new ObjectName(name.schema(), seq),
                new ColumnRef(name, col));
          }
        }
        case AlterAction.AlterIdentity change -> changeColumn(table, change.column(), col -> {
          ColumnConstraint.Identity old =
              col.identity().orElse(new ColumnConstraint.Identity(false));
          return new Column(col.name(), col.type(), col.notNull(), col.defaultValue(),
              Optional.of(new ColumnConstraint.Identity(change.always().orElse(old.always()),
                  mergeOptions(old.options(), change.options()))),
              col.generated(), col.collation(), col.comment(), col.origin());
        });
        case AlterAction.DropIdentity drop -> {
          changeColumn(table, drop.column(), col -> new Column(col.name(), col.type(),
              col.notNull(), col.defaultValue(), Optional.empty(), col.generated(),
              col.collation(), col.comment(), col.origin()));
          String col = ObjectName.fold(drop.column());
          ColumnRef identity = new ColumnRef(name, col);
          for (ObjectName seq : state.implicitSequencesOf(name)) {
            if (state.implicitSequences.get(seq).equals(identity)) {
              state.implicitSequences.remove(seq);
            }
          }
        }
        case AlterAction.RenameConstraint rename -> renameConstraint(table, rename);
        case AlterAction.AlterConstraint change -> changeConstraint(table, change.name(), c ->
            switch (c) {
              case Constraint.ForeignKey fk -> new Constraint.ForeignKey(fk.name(), fk.columns(),
                  fk.references(), fk.referencedColumns(), fk.match(), fk.onDelete(),
                  fk.onUpdate(), change.timing(), fk.notValid(), fk.origin());
              case Constraint.PrimaryKey pk -> pk;
              case Constraint.Unique u -> u;
              case Constraint.Check ck -> ck;
              case Constraint.Exclude ex -> ex;
            });
        case AlterAction.ValidateConstraint validate -> changeConstraint(table, validate.name(),
            c -> switch (c) {
              case Constraint.ForeignKey fk -> new Constraint.ForeignKey(fk.name(), fk.columns(),
                  fk.references(), fk.referencedColumns(), fk.match(), fk.onDelete(),
                  fk.onUpdate(), fk.timing(), false, fk.origin());
              case Constraint.Check ck -> new Constraint.Check(ck.name(), ck.condition(), false,
                  ck.origin());
              case Constraint.PrimaryKey pk -> pk;
              case Constraint.Unique u -> u;
              case Constraint.Exclude ex -> ex;
            });
        case AlterAction.AttachPartition attach -> requireTable(attach.partition(), false)
            .ifPresent(partition -> state.putTable(new Table(partition.name(),
                partition.columns(), partition.constraints(), partition.unlogged(),
                partition.partitionBy(), Optional.of(name), partition.options(),
                partition.comment(), partition.origin())));
        case AlterAction.DetachPartition detach -> requireTable(detach.partition(), false)
            .ifPresent(partition -> state.putTable(new Table(partition.name(),
                partition.columns(), partition.constraints(), partition.unlogged(),
                partition.partitionBy(), Optional.empty(), partition.options(),
                partition.comment(), partition.origin())));
        case AlterAction.SetSchema set -> {
          String schema = ObjectName.fold(set.schema());
          if (!schema.equals(ObjectName.DEFAULT_SCHEMA) && !state.schemas.containsKey(schema)) {
            missingObject("schema", ObjectName.quoted(schema), Keys.other("schema", schema),
                set.schema().span(), false);
          } else {
            moveTable(table, alter.table(), new ObjectName(schema, name.name()), set.schema());
          }
        }
      }
      if (action instanceof AlterAction.RenameTable || action instanceof AlterAction.SetSchema) {
        Table moved = movedTo == null ? null : state.tables.get(movedTo);
        current = moved != null && moved.origin().equals(table.origin()) ? movedTo : name;
        movedTo = null;
      }
    }
  }

  private static List<SequenceOption> mergeOptions(List<SequenceOption> old,
      List<SequenceOption> changes) {
    List<SequenceOption> out = new ArrayList<>();
    for (SequenceOption o : old) {
      if (changes.stream().noneMatch(c -> c.keyword().equals(o.keyword()))) {
        out.add(o);
      }
    }
    for (SequenceOption c : changes) {
      if (!(c instanceof SequenceOption.Restart) && !(c instanceof SequenceOption.OwnedBy)) {
        out.add(c);
      }
    }
    return out;
  }

  private void changeColumn(Table table, Identifier column,
      java.util.function.UnaryOperator<Column> change) {
    String name = ObjectName.fold(column);
    Optional<Column> col = table.column(name);
    if (col.isEmpty()) {
      if (!state.opaqueTables.containsKey(table.name())) {
        missingColumn(table, column);
      }
      return;
    }
    touch(Keys.column(table.name(), name), column.span());
    state.putTable(withColumns(table, table.columns().stream()
        .map(c -> c.name().equals(name) ? change.apply(c) : c).toList()));
  }

  private void dropColumn(Table table, AlterAction.DropColumn drop) {
    String name = ObjectName.fold(drop.column());
    if (table.column(name).isEmpty()) {
      if (!state.opaqueTables.containsKey(table.name())) {
        if (!drop.ifExists()) {
          missingColumn(table, drop.column());
        }
      }
      return;
    }
    ObjectName tableName = table.name();
    if (!drop.cascade()) {
      for (Table other : state.referencing(tableName)) {
        for (Constraint c : other.constraints()) {
          if (c instanceof Constraint.ForeignKey fk && fk.references().equals(tableName)
              && fk.referencedColumns().contains(name) && !other.name().equals(tableName)) {
            error(SchemaCode.DEPENDENT_COLUMN, "cannot drop column " + ObjectName.quoted(name)
                    + " of table " + tableName + " because other objects depend on it",
                drop.column().span(), "note: constraint " + fk.name() + " on table "
                    + other.name() + " references it, created at " + fk.origin().describe(),
                "help: drop the foreign key first, or write DROP COLUMN ... CASCADE");
            return;
          }
        }
      }
      for (View view : state.readersOf(tableName)) {
        if (readColumns(view.definition().query().sql(), table).contains(name)) {
          error(SchemaCode.DEPENDENT_COLUMN, "cannot drop column " + ObjectName.quoted(name)
                  + " of table " + tableName + " because other objects depend on it",
              drop.column().span(), "note: view " + view.name() + " reads it, created at "
                  + view.origin().describe(),
              "help: drop or redefine the view first, or write DROP COLUMN ... CASCADE");
          return;
        }
      }
    }
    List<Column> columns = table.columns().stream().filter(c -> !c.name().equals(name)).toList();
    List<Constraint> constraints = table.constraints().stream()
        .filter(c -> !c.columns().contains(name)
            && !(c instanceof Constraint.Check ck && readColumns(ck.condition().sql(), table)
                .contains(name)))
        .toList();
    state.putTable(new Table(tableName, columns, constraints, table.unlogged(),
        table.partitionBy(), table.partitionOf(), table.options(), table.comment(),
        table.origin()));
    for (Index i : state.indexesOn(tableName)) {
      if (i.include().contains(name) || i.keys().stream().anyMatch(k -> k.column()
          .map(ObjectName::fold).filter(name::equals).isPresent())) {
        state.indexes.remove(i.name());
      }
    }
    ColumnRef ref = new ColumnRef(tableName, name);
    for (Sequence seq : state.sequencesOwnedBy(tableName)) {
      if (seq.ownedBy().filter(ref::equals).isPresent()) {
        state.sequences.remove(seq.name());
      }
    }
    for (ObjectName seq : state.implicitSequencesOf(tableName)) {
      if (state.implicitSequences.get(seq).equals(ref)) {
        state.implicitSequences.remove(seq);
      }
    }
    for (Table other : state.referencing(tableName)) {
      List<Constraint> kept = other.constraints().stream().filter(c -> !(c instanceof
          Constraint.ForeignKey fk && fk.references().equals(tableName)
          && fk.referencedColumns().contains(name))).toList();
      if (kept.size() != other.constraints().size()) {
        state.putTable(withConstraints(other, kept));
      }
    }
    dropped(Keys.column(tableName, name), drop.column().span());
  }

  private void renameColumn(Table table, AlterAction.RenameColumn rename) {
    String from = ObjectName.fold(rename.from());
    String to = ObjectName.fold(rename.to());
    if (table.column(from).isEmpty()) {
      if (!state.opaqueTables.containsKey(table.name())) {
        missingColumn(table, rename.from());
      }
      return;
    }
    Optional<Column> clash = table.column(to);
    if (clash.isPresent()) {
      duplicate(SchemaCode.DUPLICATE_COLUMN, "column " + ObjectName.quoted(to) + " of table "
          + table.name(), rename.to().span(), Optional.of(clash.get().origin()));
      return;
    }
    ObjectName tableName = table.name();
    java.util.function.UnaryOperator<List<String>> rn =
        cols -> cols.stream().map(c -> c.equals(from) ? to : c).toList();
    List<Column> columns = table.columns().stream().map(c -> c.name().equals(from)
        ? new Column(to, c.type(), c.notNull(), c.defaultValue(), c.identity(), c.generated(),
            c.collation(), c.comment(), c.origin()) : c).toList();
    List<Constraint> constraints = table.constraints().stream().map(c -> renameIn(c, rn,
        tableName, tableName)).toList();
    state.putTable(new Table(tableName, columns, constraints, table.unlogged(),
        table.partitionBy(), table.partitionOf(), table.options(), table.comment(),
        table.origin()));
    for (Table other : state.referencing(tableName)) {
      if (!other.name().equals(tableName)) {
        List<Constraint> updated = other.constraints().stream().map(c -> c instanceof
            Constraint.ForeignKey fk && fk.references().equals(tableName)
            ? new Constraint.ForeignKey(fk.name(), fk.columns(), fk.references(),
                rn.apply(fk.referencedColumns()), fk.match(), fk.onDelete(), fk.onUpdate(),
                fk.timing(), fk.notValid(), fk.origin()) : c).toList();
        if (!updated.equals(other.constraints())) {
          state.putTable(withConstraints(other, updated));
        }
      }
    }
    for (Index index : state.indexesOn(tableName)) {
      state.indexes.put(index.name(), new Index(index.name(), index.table(), index.unique(),
          index.method(), index.keys().stream().map(k -> k.column()
              .filter(c -> ObjectName.fold(c).equals(from))
              .map(c -> new IndexElement(Optional.of(rename.to()), k.expression(),
                  k.collation(), k.opclass(), k.opclassParameters(), k.order(), k.nulls()))
              .orElse(k)).toList(),
          rn.apply(index.include()), index.nullsNotDistinct(), index.options(), index.where(),
          index.comment(), index.origin()));
    }
    ColumnRef old = new ColumnRef(tableName, from);
    ColumnRef renamed = new ColumnRef(tableName, to);
    for (ObjectName seq : state.implicitSequencesOf(tableName)) {
      if (state.implicitSequences.get(seq).equals(old)) {
        state.implicitSequences.put(seq, renamed);
      }
    }
    for (Sequence s : state.sequencesOwnedBy(tableName)) {
      if (s.ownedBy().filter(old::equals).isPresent()) {
        state.sequences.put(s.name(), new Sequence(s.name(), s.options(), Optional.of(renamed),
            s.comment(), s.origin()));
      }
    }
    renamed(Keys.column(tableName, from), rename.from().span());
    touch(Keys.column(tableName, to), rename.to().span());
  }

  private static Constraint renameIn(Constraint c, java.util.function.UnaryOperator<List<String>> rn,
      ObjectName oldTable, ObjectName newTable) {
    return switch (c) {
      case Constraint.PrimaryKey pk -> new Constraint.PrimaryKey(pk.name(), rn.apply(pk.columns()),
          pk.timing(), pk.origin());
      case Constraint.Unique u -> new Constraint.Unique(u.name(), rn.apply(u.columns()),
          u.nullsNotDistinct(), u.timing(), u.origin());
      case Constraint.Check ck -> ck;
      case Constraint.Exclude ex -> ex;
      case Constraint.ForeignKey fk -> {
        boolean self = fk.references().equals(oldTable);
        yield new Constraint.ForeignKey(fk.name(), rn.apply(fk.columns()),
            self ? newTable : fk.references(),
            self ? rn.apply(fk.referencedColumns()) : fk.referencedColumns(), fk.match(),
            fk.onDelete(), fk.onUpdate(), fk.timing(), fk.notValid(), fk.origin());
      }
    };
  }

  private void dropConstraint(Table table, AlterAction.DropConstraint drop) {
    String name = ObjectName.fold(drop.name());
    Optional<Constraint> found = table.constraint(name);
    if (found.isEmpty()) {
      if (!drop.ifExists()) {
        missingConstraint(table, drop.name());
      }
      return;
    }
    Constraint c = found.get();
    ObjectName tableName = table.name();
    if (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique) {
      for (Table other : state.referencing(tableName)) {
        for (Constraint oc : other.constraints()) {
          if (oc instanceof Constraint.ForeignKey fk && fk.references().equals(tableName)
              && new HashSet<>(fk.referencedColumns()).equals(new HashSet<>(c.columns()))
              && !(other.name().equals(tableName) && fk.name().equals(name))) {
            if (!drop.cascade()) {
              error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop constraint "
                      + ObjectName.quoted(name) + " on table " + tableName
                      + " because other objects depend on it", drop.name().span(),
                  "note: constraint " + fk.name() + " on table " + other.name()
                      + " references it, created at " + fk.origin().describe(),
                  "help: drop the foreign key first, or write DROP CONSTRAINT ... CASCADE");
              return;
            }
          }
        }
      }
      if (drop.cascade()) {
        for (Table other : state.referencing(tableName)) {
          Table current = state.tables.get(other.name());
          List<Constraint> kept = current.constraints().stream().filter(oc -> !(oc instanceof
              Constraint.ForeignKey fk && fk.references().equals(tableName)
              && new HashSet<>(fk.referencedColumns()).equals(new HashSet<>(c.columns()))))
              .toList();
          if (kept.size() != current.constraints().size()) {
            state.putTable(withConstraints(current, kept));
          }
        }
      }
    }
    Table current = state.tables.get(tableName);
    state.putTable(withConstraints(current, current.constraints().stream()
        .filter(x -> !x.name().equals(name)).toList()));
    dropped(Keys.constraint(tableName, name), drop.name().span());
  }

  private void renameConstraint(Table table, AlterAction.RenameConstraint rename) {
    String from = ObjectName.fold(rename.from());
    Optional<Constraint> found = table.constraint(from);
    if (found.isEmpty()) {
      missingConstraint(table, rename.from());
      return;
    }
    if (!freeConstraintName(table, rename.to(), indexBackedName(found.get()))) {
      return;
    }
    String to = ObjectName.fold(rename.to());
    state.putTable(withConstraints(table, table.constraints().stream()
        .map(c -> c.name().equals(from) ? renamedConstraint(c, to) : c).toList()));
    renamed(Keys.constraint(table.name(), from), rename.from().span());
    touch(Keys.constraint(table.name(), to), rename.to().span());
  }

  private static boolean indexBackedName(Constraint c) {
    return ModelState.indexBacked(c);
  }

  private static Constraint renamedConstraint(Constraint c, String to) {
    return switch (c) {
      case Constraint.PrimaryKey pk -> new Constraint.PrimaryKey(to, pk.columns(), pk.timing(),
          pk.origin());
      case Constraint.Unique u -> new Constraint.Unique(to, u.columns(), u.nullsNotDistinct(),
          u.timing(), u.origin());
      case Constraint.Check ck -> new Constraint.Check(to, ck.condition(), ck.notValid(),
          ck.origin());
      case Constraint.Exclude ex -> new Constraint.Exclude(to, ex.definition(), ex.origin());
      case Constraint.ForeignKey fk -> new Constraint.ForeignKey(to, fk.columns(),
          fk.references(), fk.referencedColumns(), fk.match(), fk.onDelete(), fk.onUpdate(),
          fk.timing(), fk.notValid(), fk.origin());
    };
  }

  private void changeConstraint(Table table, Identifier id,
      java.util.function.UnaryOperator<Constraint> change) {
    String name = ObjectName.fold(id);
    if (table.constraint(name).isEmpty()) {
      missingConstraint(table, id);
      return;
    }
    touch(Keys.constraint(table.name(), name), id.span());
    state.putTable(withConstraints(table, table.constraints().stream()
        .map(c -> c.name().equals(name) ? change.apply(c) : c).toList()));
  }

  /** {@code RENAME TO} or {@code SET SCHEMA}: the table and what belongs to it move. */
  private void moveTable(Table table, QualifiedName written, ObjectName to, Identifier at) {
    ObjectName from = table.name();
    if (state.relationTaken(to)) {
      duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(), at.span(),
          state.relationOrigin(to));
      return;
    }
    boolean moveSchema = !from.schema().equals(to.schema());
    Table moved = new Table(to, table.columns(), table.constraints().stream()
        .map(c -> renameIn(c, cols -> cols, from, to)).toList(), table.unlogged(),
        table.partitionBy(), table.partitionOf(), table.options(), table.comment(),
        table.origin());
    state.replaceTable(table, moved);
    movedTo = to;
    LinkedHashSet<ObjectName> affected = new LinkedHashSet<>();
    state.referencing(from).forEach(t -> affected.add(t.name()));
    state.partitionsOf(from).forEach(t -> affected.add(t.name()));
    for (ObjectName otherName : state.tables.inOrder(affected)) {
      Table other = state.tables.get(otherName);
      if (other.name().equals(to)) {
        continue;
      }
      List<Constraint> updated = other.constraints().stream().map(c -> c instanceof
          Constraint.ForeignKey fk && fk.references().equals(from)
          ? new Constraint.ForeignKey(fk.name(), fk.columns(), to, fk.referencedColumns(),
              fk.match(), fk.onDelete(), fk.onUpdate(), fk.timing(), fk.notValid(), fk.origin())
          : c).toList();
      Optional<ObjectName> parent = other.partitionOf().map(p -> p.equals(from) ? to : p);
      if (!updated.equals(other.constraints()) || !parent.equals(other.partitionOf())) {
        state.putTable(new Table(other.name(), other.columns(), updated, other.unlogged(),
            other.partitionBy(), parent, other.options(), other.comment(), other.origin()));
      }
    }
    for (Index index : state.indexesOn(from)) {
      ObjectName indexName = moveSchema ? new ObjectName(to.schema(), index.name().name())
          : index.name();
      state.indexes.remove(index.name());
      state.indexes.put(indexName, new Index(indexName, to, index.unique(), index.method(),
          index.keys(), index.include(), index.nullsNotDistinct(), index.options(),
          index.where(), index.comment(), index.origin()));
    }
    for (Trigger trigger : state.triggersOn(from)) {
      state.triggers.remove(trigger.key());
      Trigger movedTrigger = new Trigger(trigger.name(), to, trigger.definition(),
          trigger.sql(), trigger.origin());
      state.triggers.put(movedTrigger.key(), movedTrigger);
    }
    for (ObjectName seq : state.implicitSequencesOf(from)) {
      state.implicitSequences.put(seq, new ColumnRef(to, state.implicitSequences.get(seq)
          .column()));
    }
    if (moveSchema) {
      for (ObjectName seq : state.implicitSequencesOf(to)) {
        ColumnRef owner = state.implicitSequences.remove(seq);
        state.implicitSequences.put(new ObjectName(to.schema(), seq.name()), owner);
      }
    }
    for (Sequence seq : state.sequencesOwnedBy(from)) {
      ObjectName seqName = moveSchema ? new ObjectName(to.schema(), seq.name().name())
          : seq.name();
      state.sequences.remove(seq.name());
      state.sequences.put(seqName, new Sequence(seqName, seq.options(),
          Optional.of(new ColumnRef(to, seq.ownedBy().get().column())), seq.comment(),
          seq.origin()));
    }
    if (state.opaqueTables.containsKey(from)) {
      state.opaqueTables.put(to, state.opaqueTables.remove(from));
    }
    renamed(Keys.relation(from), written.name().span());
    touch(Keys.relation(to), at.span());
  }

  // ---- indexes

  private void createIndex(Operation.CreateIndex create) {
    ObjectName tableName = ObjectName.of(create.table());
    Table table = state.tables.get(tableName);
    boolean matview = state.views.containsKey(tableName)
        && state.views.get(tableName).materialized();
    if (table == null && !matview) {
      missingRelation(create.table(), "table", false);
      return;
    }
    List<String> keys = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (IndexElement e : create.elements()) {
      if (e.column().isPresent() && table != null && !state.opaqueTables.containsKey(tableName)
          && table.column(ObjectName.fold(e.column().get())).isEmpty()) {
        missingColumn(table, e.column().get());
        return;
      }
      keys.add(e.column().map(ObjectName::fold).orElse(null));
      texts.add(e.expression().map(dev.strata.grammar.ast.Expr::sql).orElse(""));
    }
    List<String> include = new ArrayList<>();
    for (Identifier id : create.include()) {
      if (table != null && !state.opaqueTables.containsKey(tableName)
          && table.column(ObjectName.fold(id)).isEmpty()) {
        missingColumn(table, id);
        return;
      }
      include.add(ObjectName.fold(id));
      keys.add(ObjectName.fold(id));
      texts.add("");
    }
    ObjectName name;
    Optional<Span> at;
    if (create.name().isPresent()) {
      name = ObjectName.in(tableName, create.name().get());
      at = create.name().get().span();
      if (state.relationTaken(name)) {
        if (!create.ifNotExists()) {
          duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + name.display(), at,
              state.relationOrigin(name));
        }
        return;
      }
    } else {
      name = new ObjectName(tableName.schema(), relationName(tableName,
          ImplicitNames.columns(ImplicitNames.indexColumns(keys, texts)), "idx", false));
      at = create.table().name().span();
    }
    state.indexes.put(name, new Index(name, tableName, create.unique(), create.method(),
        create.elements(), include, create.nullsNotDistinct(), create.options(), create.where(),
        Optional.empty(), created(Keys.relation(name), at)));
  }

  private void dropIndex(QualifiedName written, boolean ifExists, boolean cascade) {
    ObjectName name = ObjectName.of(written);
    if (state.indexes.remove(name) != null) {
      dropped(Keys.relation(name), written.name().span());
      return;
    }
    Optional<ObjectName> owner = state.constraintIndex(name);
    if (owner.isPresent()) {
      Table table = state.tables.get(owner.get());
      error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop index " + name.display()
              + " because constraint " + ObjectName.quoted(name.name()) + " on table "
              + table.name() + " requires it", span(written),
          "note: the constraint is created at " + table.constraint(name.name()).get().origin()
              .describe(),
          "help: drop the constraint instead: ALTER TABLE " + table.name().display()
              + " DROP CONSTRAINT " + ObjectName.quoted(name.name()));
      return;
    }
    if (state.relationTaken(name)) {
      wrongKind(written, "index");
      return;
    }
    missingRelation(written, "index", ifExists);
  }

  private void renameIndex(Operation.RenameIndex rename) {
    ObjectName name = ObjectName.of(rename.index());
    ObjectName to = ObjectName.in(name, rename.newName());
    Index index = state.indexes.get(name);
    Optional<ObjectName> owner = state.constraintIndex(name);
    if (index == null && owner.isEmpty()) {
      missingRelation(rename.index(), "index", rename.ifExists());
      return;
    }
    if (state.relationTaken(to)) {
      duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(),
          rename.newName().span(), state.relationOrigin(to));
      return;
    }
    if (index != null) {
      state.indexes.remove(name);
      state.indexes.put(to, new Index(to, index.table(), index.unique(), index.method(),
          index.keys(), index.include(), index.nullsNotDistinct(), index.options(), index.where(),
          index.comment(), index.origin()));
    } else {
      Table table = state.tables.get(owner.get());
      state.putTable(withConstraints(table, table.constraints().stream()
          .map(c -> c.name().equals(name.name()) ? renamedConstraint(c, to.name()) : c)
          .toList()));
    }
    renamed(Keys.relation(name), rename.index().name().span());
    touch(Keys.relation(to), rename.newName().span());
  }

  // ---- types

  private void createEnum(Operation.CreateEnumType create) {
    ObjectName name = ObjectName.of(create.type());
    if (!requireSchema(create.type())) {
      return;
    }
    if (state.types.containsKey(name) || state.otherTypes.containsKey(name)) {
      duplicate(SchemaCode.DUPLICATE_OBJECT, "type " + name, create.type().name().span(),
          Optional.ofNullable(state.types.get(name)).map(EnumType::origin)
              .or(() -> Optional.ofNullable(state.otherTypes.get(name))));
      return;
    }
    List<String> values = List.copyOf(new LinkedHashSet<>(create.values()));
    state.types.put(name, new EnumType(name, values, Optional.empty(),
        created(Keys.type(name), create.type().name().span())));
  }

  private void createOtherType(QualifiedName written) {
    ObjectName name = ObjectName.of(written);
    if (!requireSchema(written)) {
      return;
    }
    if (state.types.containsKey(name) || state.otherTypes.containsKey(name)) {
      duplicate(SchemaCode.DUPLICATE_OBJECT, "type " + name, written.name().span(),
          Optional.ofNullable(state.types.get(name)).map(EnumType::origin)
              .or(() -> Optional.ofNullable(state.otherTypes.get(name))));
      return;
    }
    state.otherTypes.put(name, created(Keys.type(name), written.name().span()));
  }

  private Optional<EnumType> requireEnum(QualifiedName written, boolean ifExists) {
    ObjectName name = ObjectName.of(written);
    EnumType type = state.types.get(name);
    if (type == null && !ifExists && !state.otherTypes.containsKey(name)) {
      if (!blindWarning(SchemaCode.MISSING_TYPE, "type " + name, Keys.type(name),
          span(written))) {
        error(SchemaCode.MISSING_TYPE, "type " + name + " does not exist", span(written),
            goneNote(Keys.type(name)));
      }
    }
    return Optional.ofNullable(type);
  }

  private void addEnumValue(Operation.AddEnumValue add) {
    Optional<EnumType> found = requireEnum(add.type(), false);
    if (found.isEmpty()) {
      return;
    }
    EnumType type = found.get();
    Optional<Span> at = literal(add.value()).or(() -> span(add.type()));
    if (type.values().contains(add.value())) {
      if (!add.ifNotExists()) {
        error(SchemaCode.DUPLICATE_ENUM_VALUE, "enum label '" + add.value()
                + "' already exists in type " + type.name(), at,
            "note: type " + type.name() + " is created at " + type.origin().describe()
                + valueNote(type.name(), add.value()),
            "help: write ADD VALUE IF NOT EXISTS to skip a value that may be there");
      }
      return;
    }
    List<String> values = new ArrayList<>(type.values());
    int position = values.size();
    if (add.position().isPresent()) {
      String neighbor = add.position().get().neighbor();
      int i = values.indexOf(neighbor);
      if (i < 0) {
        error(SchemaCode.MISSING_ENUM_VALUE, "'" + neighbor + "' is not an existing enum label"
                + " of type " + type.name(), literal(neighbor).or(() -> at),
            "note: type " + type.name() + " is created at " + type.origin().describe()
                + " with labels " + String.join(", ", type.values()));
        return;
      }
      position = add.position().get().before() ? i : i + 1;
    }
    values.add(position, add.value());
    touch(Keys.part(Keys.type(type.name()), "value " + add.value()), at);
    state.types.put(type.name(), new EnumType(type.name(), values, type.comment(),
        type.origin()));
  }

  private void renameEnumValue(Operation.RenameEnumValue rename) {
    Optional<EnumType> found = requireEnum(rename.type(), false);
    if (found.isEmpty()) {
      return;
    }
    EnumType type = found.get();
    if (!type.values().contains(rename.from())) {
      error(SchemaCode.MISSING_ENUM_VALUE, "'" + rename.from() + "' is not an existing enum"
              + " label of type " + type.name(), literal(rename.from()).or(() -> span(rename.type())),
          "note: type " + type.name() + " is created at " + type.origin().describe()
              + " with labels " + String.join(", ", type.values()));
      return;
    }
    if (type.values().contains(rename.to())) {
      error(SchemaCode.DUPLICATE_ENUM_VALUE, "enum label '" + rename.to()
              + "' already exists in type " + type.name(),
          literalAfter(rename.to(), rename.from()).or(() -> span(rename.type())),
          "note: type " + type.name() + " is created at " + type.origin().describe());
      return;
    }
    touch(Keys.part(Keys.type(type.name()), "value " + rename.from()), span(rename.type()));
    state.types.put(type.name(), new EnumType(type.name(), type.values().stream()
        .map(v -> v.equals(rename.from()) ? rename.to() : v).toList(), type.comment(),
        type.origin()));
  }

  private String valueNote(ObjectName type, String value) {
    Origin added = state.touched.get(Keys.part(Keys.type(type), "value " + value));
    return added == null ? "" : "; the label is added at " + added.describe();
  }

  private void renameType(Operation.RenameType rename) {
    ObjectName name = ObjectName.of(rename.type());
    ObjectName to = ObjectName.in(name, rename.newName());
    Optional<EnumType> found = requireEnum(rename.type(), false);
    if (found.isEmpty()) {
      if (state.otherTypes.containsKey(name)) {
        state.otherTypes.put(to, state.otherTypes.remove(name));
      }
      return;
    }
    if (state.types.containsKey(to) || state.otherTypes.containsKey(to)) {
      duplicate(SchemaCode.DUPLICATE_OBJECT, "type " + to, rename.newName().span(),
          Optional.ofNullable(state.types.get(to)).map(EnumType::origin)
              .or(() -> Optional.ofNullable(state.otherTypes.get(to))));
      return;
    }
    EnumType type = found.get();
    state.types.rename(name, to, new EnumType(to, type.values(), type.comment(), type.origin()));
    for (Table table : state.usersOf(name)) {
      if (table.columns().stream().anyMatch(c -> usesType(c.type(), name))) {
        state.putTable(withColumns(table, table.columns().stream().map(c -> usesType(c.type(),
            name) ? new Column(c.name(), renamedType(c.type(), to, rename.newName()),
            c.notNull(), c.defaultValue(), c.identity(), c.generated(), c.collation(),
            c.comment(), c.origin()) : c).toList()));
      }
    }
    renamed(Keys.type(name), rename.type().name().span());
    touch(Keys.type(to), rename.newName().span());
  }

  private static boolean usesType(DataType type, ObjectName name) {
    return type.named().map(n -> ObjectName.of(n.name()).equals(name)).orElse(false);
  }

  private static DataType renamedType(DataType type, ObjectName to, Identifier newName) {
    DataType.Named named = type.named().orElseThrow();
    QualifiedName written = new QualifiedName(named.name().schema(), newName);
    return new DataType(type.kind(), type.size(), type.scale(),
        Optional.of(new DataType.Named(written, named.modifiers())), type.arrayDimensions());
  }

  private void dropType(QualifiedName written, boolean ifExists, boolean cascade) {
    ObjectName name = ObjectName.of(written);
    if (state.otherTypes.remove(name) != null) {
      dropped(Keys.type(name), written.name().span());
      return;
    }
    Optional<EnumType> found = requireEnum(written, ifExists);
    if (found.isEmpty()) {
      return;
    }
    for (Table table : state.usersOf(name)) {
      for (Column column : table.columns()) {
        if (usesType(column.type(), name)) {
          if (!cascade) {
            error(SchemaCode.DEPENDENT_TYPE, "cannot drop type " + name
                    + " because other objects depend on it", span(written),
                "note: column " + column.name() + " of table " + table.name() + " uses it,"
                    + " created at " + column.origin().describe(),
                "help: change or drop the column first, or write DROP TYPE ... CASCADE");
            return;
          }
        }
      }
    }
    if (cascade) {
      for (Table table : state.usersOf(name)) {
        if (table.columns().stream().anyMatch(c -> usesType(c.type(), name))) {
          state.putTable(withColumns(table, table.columns().stream()
              .filter(c -> !usesType(c.type(), name)).toList()));
        }
      }
    }
    state.types.remove(name);
    dropped(Keys.type(name), written.name().span());
  }

  // ---- sequences

  private void createSequence(Operation.CreateSequence create) {
    ObjectName name = ObjectName.of(create.sequence());
    if (!requireSchema(create.sequence()) || !freeRelation(create.sequence(),
        create.ifNotExists())) {
      return;
    }
    Optional<ColumnRef> owned = ownedBy(create.options()).orElse(Optional.empty());
    state.sequences.put(name, new Sequence(name, withoutOwnedBy(create.options()), owned,
        Optional.empty(), created(Keys.relation(name), create.sequence().name().span())));
  }

  private static List<SequenceOption> withoutOwnedBy(List<SequenceOption> options) {
    return options.stream().filter(o -> !(o instanceof SequenceOption.OwnedBy)
        && !(o instanceof SequenceOption.Restart)).toList();
  }

  /** The {@code OWNED BY} of {@code options}: empty when not written; checks the column. */
  private Optional<Optional<ColumnRef>> ownedBy(List<SequenceOption> options) {
    for (SequenceOption o : options) {
      if (o instanceof SequenceOption.OwnedBy owned) {
        if (owned.table().isEmpty()) {
          return Optional.of(Optional.empty());
        }
        Optional<Table> table = requireTable(owned.table().get(), false);
        if (table.isEmpty()) {
          return Optional.of(Optional.empty());
        }
        Identifier column = owned.column().get();
        if (table.get().column(ObjectName.fold(column)).isEmpty()
            && !state.opaqueTables.containsKey(table.get().name())) {
          missingColumn(table.get(), column);
          return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.of(new ColumnRef(table.get().name(),
            ObjectName.fold(column))));
      }
    }
    return Optional.empty();
  }

  private void alterSequence(Operation.AlterSequence alter) {
    ObjectName name = ObjectName.of(alter.sequence());
    Sequence seq = state.sequences.get(name);
    if (seq == null) {
      if (!state.implicitSequences.containsKey(name)) {
        missingRelation(alter.sequence(), "sequence", alter.ifExists());
      }
      return;
    }
    Optional<ColumnRef> owned = ownedBy(alter.options()).orElse(seq.ownedBy());
    touch(Keys.relation(name), alter.sequence().name().span());
    state.sequences.put(name, new Sequence(name, mergeOptions(seq.options(),
        withoutOwnedBy(alter.options())), owned, seq.comment(), seq.origin()));
  }

  private void renameSequence(Operation.RenameSequence rename) {
    ObjectName name = ObjectName.of(rename.sequence());
    ObjectName to = ObjectName.in(name, rename.newName());
    Sequence seq = state.sequences.get(name);
    if (seq == null) {
      if (state.implicitSequences.containsKey(name) && !state.relationTaken(to)) {
        state.implicitSequences.put(to, state.implicitSequences.remove(name));
        return;
      }
      missingRelation(rename.sequence(), "sequence", rename.ifExists());
      return;
    }
    if (state.relationTaken(to)) {
      duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(),
          rename.newName().span(), state.relationOrigin(to));
      return;
    }
    state.sequences.remove(name);
    state.sequences.put(to, new Sequence(to, seq.options(), seq.ownedBy(), seq.comment(),
        seq.origin()));
    renamed(Keys.relation(name), rename.sequence().name().span());
    touch(Keys.relation(to), rename.newName().span());
  }

  // ---- views

  private void createView(QualifiedName written, boolean materialized, boolean orReplace,
      boolean ifNotExists, ViewDefinition definition) {
    ObjectName name = ObjectName.of(written);
    if (!requireSchema(written)) {
      return;
    }
    View existing = state.views.get(name);
    if (orReplace && existing != null && !existing.materialized()) {
      state.views.put(name, new View(name, false, definition, existing.comment(),
          existing.origin()));
      touch(Keys.relation(name), written.name().span());
      return;
    }
    if (!freeRelation(written, ifNotExists)) {
      return;
    }
    state.views.put(name, new View(name, materialized, definition, Optional.empty(),
        created(Keys.relation(name), written.name().span())));
  }

  private void dropView(QualifiedName written, boolean materialized, boolean ifExists,
      boolean cascade) {
    ObjectName name = ObjectName.of(written);
    View view = state.views.get(name);
    if (view == null || view.materialized() != materialized) {
      if (view != null || state.tables.containsKey(name)) {
        wrongKind(written, materialized ? "materialized view" : "view");
        return;
      }
      missingRelation(written, materialized ? "materialized view" : "view", ifExists);
      return;
    }
    for (View other : state.readersOf(name)) {
      if (!other.name().equals(name) && !together.contains(other.name())) {
        if (!cascade) {
          error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop " + (materialized
                  ? "materialized view " : "view ") + name + " because other objects depend on it",
              span(written), "note: view " + other.name() + " reads it, created at "
                  + other.origin().describe(),
              "help: drop the dependent view first, or write DROP VIEW ... CASCADE");
          return;
        }
      }
    }
    if (cascade) {
      state.readersOf(name).forEach(o -> state.views.remove(o.name()));
    }
    state.views.remove(name);
    state.indexesOn(name).forEach(i -> state.indexes.remove(i.name()));
    state.triggersOn(name).forEach(t -> state.triggers.remove(t.key()));
    dropped(Keys.relation(name), written.name().span());
  }

  private void alterView(QualifiedName written, boolean materialized, boolean ifExists,
      ViewDefinition.Change change) {
    ObjectName name = ObjectName.of(written);
    View view = state.views.get(name);
    if (view == null) {
      missingRelation(written, materialized ? "materialized view" : "view", ifExists);
      return;
    }
    ObjectName to = switch (change) {
      case ViewDefinition.Change.RenameTo rename -> ObjectName.in(name, rename.name());
      case ViewDefinition.Change.SetSchema set ->
          new ObjectName(ObjectName.fold(set.schema()), name.name());
      case ViewDefinition.Change.RenameColumn ignored -> name;
    };
    if (to.equals(name)) {
      if (change instanceof ViewDefinition.Change.RenameColumn rename
          && !view.definition().columns().isEmpty()) {
        // a view with a column list names its columns there: the renamed one is renamed in it
        ViewDefinition d = view.definition();
        String from = ObjectName.fold(rename.from());
        state.views.put(name, new View(name, view.materialized(), new ViewDefinition(
            d.columns().stream().map(c -> ObjectName.fold(c).equals(from) ? rename.to() : c)
                .toList(), d.options(), d.query(), d.reads()), view.comment(), view.origin()));
      }
      touch(Keys.relation(name), written.name().span());
      return;
    }
    if (state.relationTaken(to)) {
      duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(), span(written),
          state.relationOrigin(to));
      return;
    }
    state.views.remove(name);
    state.views.put(to, new View(to, view.materialized(), view.definition(), view.comment(),
        view.origin()));
    renamed(Keys.relation(name), written.name().span());
    touch(Keys.relation(to), written.name().span());
  }

  // ---- routines and triggers

  private static List<String> inputTypes(List<RoutineParameter> parameters) {
    return parameters.stream()
        .filter(p -> p.mode().map(m -> !m.equals("OUT")).orElse(true))
        .map(RoutineParameter::type).toList();
  }

  private void createRoutine(PostgresOnly.CreateRoutine create) {
    ObjectName name = ObjectName.of(create.name());
    if (!requireSchema(create.name())) {
      return;
    }
    String signature = Routine.signature(name, inputTypes(create.parameters()));
    Routine existing = state.routines.get(signature);
    if (existing != null && !create.orReplace()) {
      duplicate(SchemaCode.DUPLICATE_OBJECT, create.routine().keyword().toLowerCase(Locale.ROOT)
          + " " + signature, create.name().name().span(), Optional.of(existing.origin()));
      return;
    }
    Origin origin = existing != null ? existing.origin()
        : created(Keys.other("routine", signature), create.name().name().span());
    if (existing != null) {
      touch(Keys.other("routine", signature), create.name().name().span());
    }
    state.routines.put(signature, new Routine(name, create.routine(),
        inputTypes(create.parameters()), create, statement.text(), origin));
  }

  /** The routines {@code name(parameters)} names; reports none found unless {@code ifExists}. */
  private List<Routine> routineNamed(QualifiedName written,
      Optional<List<RoutineParameter>> parameters, boolean ifExists) {
    ObjectName name = ObjectName.of(written);
    List<Routine> found;
    String shown;
    if (parameters.isPresent()) {
      shown = Routine.signature(name, inputTypes(parameters.get()));
      Routine routine = state.routines.get(shown);
      found = routine == null ? List.of() : List.of(routine);
    } else {
      shown = name.sql();
      found = state.routinesNamed(name);
    }
    if (found.isEmpty() && !ifExists) {
      missingObject("function", shown, Keys.other("routine", shown), written.name().span(),
          false);
    }
    return found;
  }

  private void dropRoutine(PostgresOnly.DropRoutine drop) {
    for (var signature : drop.routines()) {
      for (Routine routine : routineNamed(signature.name(), signature.parameters(),
          drop.ifExists())) {
        state.routines.remove(routine.signature());
        dropped(Keys.other("routine", routine.signature()), signature.name().name().span());
      }
    }
  }

  private void createTrigger(PostgresOnly.CreateTrigger create) {
    ObjectName tableName = ObjectName.of(create.table());
    if (!state.tables.containsKey(tableName) && !state.views.containsKey(tableName)) {
      missingRelation(create.table(), "table", false);
      return;
    }
    ObjectName function = ObjectName.of(create.function());
    if (state.routinesNamed(function).isEmpty()) {
      missingObject("function", function.sql() + "()", Keys.other("routine", function.sql()
          + "()"), create.function().name().span(), false);
      return;
    }
    String name = ObjectName.fold(create.name());
    Key key = Keys.trigger(tableName, name);
    String triggerKey = key.toString();
    Trigger existing = state.triggers.get(triggerKey);
    if (existing != null && !create.orReplace()) {
      duplicate(SchemaCode.DUPLICATE_OBJECT, "trigger " + ObjectName.quoted(name)
          + " for relation " + tableName, create.name().span(), Optional.of(existing.origin()));
      return;
    }
    state.triggers.put(triggerKey, new Trigger(name, tableName, create, statement.text(),
        existing != null ? existing.origin() : created(key, create.name().span())));
  }

  private void renameTrigger(PostgresOnly.RenameTrigger rename) {
    requireTable(rename.table(), false).ifPresent(table -> {
      Key key = Keys.trigger(table.name(), ObjectName.fold(rename.name()));
      String fromKey = key.toString();
      Trigger trigger = state.triggers.get(fromKey);
      if (trigger == null) {
        missingObject("trigger", ObjectName.fold(rename.name()) + " on " + table.name(), key,
            rename.name().span(), false);
        return;
      }
      Key to = Keys.trigger(table.name(), ObjectName.fold(rename.newName()));
      String toKey = to.toString();
      Trigger taken = state.triggers.get(toKey);
      if (taken != null) {
        duplicate(SchemaCode.DUPLICATE_OBJECT, "trigger " + ObjectName.fold(rename.newName())
                + " for relation " + table.name(), rename.newName().span(),
            Optional.of(taken.origin()));
        return;
      }
      state.triggers.remove(fromKey);
      state.triggers.put(toKey, new Trigger(ObjectName.fold(rename.newName()), table.name(),
          trigger.definition(), trigger.sql(), trigger.origin()));
      renamed(key, rename.name().span());
      touch(to, rename.newName().span());
    });
  }

  // ---- comments

  private void commentOn(Operation.CommentOn comment) {
    Optional<String> text = comment.text();
    QualifiedName object = comment.object();
    ObjectName name = ObjectName.of(object);
    switch (comment.kind()) {
      case TABLE -> requireTable(object, false).ifPresent(t -> {
        touch(Keys.part(Keys.relation(t.name()), "comment"), object.name().span());
        state.putTable(new Table(t.name(), t.columns(), t.constraints(), t.unlogged(),
            t.partitionBy(), t.partitionOf(), t.options(), text, t.origin()));
      });
      case COLUMN -> {
        if (!state.views.containsKey(name)) {
          commentOnColumn(comment, object, text);
        }
      }
      case INDEX -> commentOnIndex(object, name, text);
      case VIEW, MATERIALIZED_VIEW -> commentOnView(comment, object, name, text);
      case SEQUENCE -> commentOnSequence(object, name, text);
      case TYPE, DOMAIN -> commentOnType(object, name, text);
      case SCHEMA -> commentOnSchema(object);
      case EXTENSION -> commentOnExtension(object);
      case FUNCTION, PROCEDURE -> commentOnRoutine(comment, object, name);
      case TRIGGER -> commentOnTrigger(comment, object);
      case CONSTRAINT -> commentOnConstraint(comment, object);
      case POLICY -> requireTable(comment.table().get(), false);
    }
  }

  private void commentOnColumn(Operation.CommentOn comment, QualifiedName object,
      Optional<String> text) {
    requireTable(object, false).ifPresent(t -> changeColumn(t,
          comment.column().get(), c -> new Column(c.name(), c.type(), c.notNull(),
              c.defaultValue(), c.identity(), c.generated(), c.collation(), text, c.origin())));
  }

  private void commentOnIndex(QualifiedName object, ObjectName name, Optional<String> text) {
    Index index = state.indexes.get(name);
    if (index != null) {
      state.indexes.put(name, new Index(name, index.table(), index.unique(), index.method(),
          index.keys(), index.include(), index.nullsNotDistinct(), index.options(),
          index.where(), text, index.origin()));
    } else if (state.constraintIndex(name).isEmpty()) {
      missingRelation(object, "index", false);
    }
  }

  private void commentOnView(Operation.CommentOn comment, QualifiedName object, ObjectName name,
      Optional<String> text) {
    View view = state.views.get(name);
    if (view == null) {
      missingRelation(object, comment.kind() == Operation.CommentKind.VIEW ? "view"
          : "materialized view", false);
    } else {
      state.views.put(name, new View(name, view.materialized(), view.definition(), text,
          view.origin()));
    }
  }

  private void commentOnSequence(QualifiedName object, ObjectName name, Optional<String> text) {
    Sequence seq = state.sequences.get(name);
    if (seq != null) {
      state.sequences.put(name, new Sequence(name, seq.options(), seq.ownedBy(), text,
          seq.origin()));
    } else if (!state.implicitSequences.containsKey(name)) {
      missingRelation(object, "sequence", false);
    }
  }

  private void commentOnType(QualifiedName object, ObjectName name, Optional<String> text) {
    EnumType type = state.types.get(name);
    if (type != null) {
      state.types.put(name, new EnumType(name, type.values(), text, type.origin()));
    } else if (!state.otherTypes.containsKey(name)) {
      requireEnum(object, false);
    }
  }

  private void commentOnSchema(QualifiedName object) {
    String schema = ObjectName.fold(object.name());
    if (!schema.equals(ObjectName.DEFAULT_SCHEMA) && !state.schemas.containsKey(schema)) {
      missingObject("schema", ObjectName.quoted(schema), Keys.other("schema", schema),
          object.name().span(), false);
    }
  }

  private void commentOnExtension(QualifiedName object) {
    String ext = ObjectName.fold(object.name());
    if (!state.extensions.containsKey(ext)) {
      missingObject("extension", ext, Keys.other("extension", ext), object.name().span(), false);
    }
  }

  private void commentOnRoutine(Operation.CommentOn comment, QualifiedName object,
      ObjectName name) {
    if (comment.arguments().isPresent()) {
      String args = comment.arguments().get().sql().strip();
      List<String> types = args.isEmpty() ? List.of() : List.of(args.split(","));
      String signature = Routine.signature(name, types);
      if (!state.routines.containsKey(signature)) {
        missingObject("function", signature, Keys.other("routine", signature),
            object.name().span(), false);
      }
    } else {
      routineNamed(object, Optional.empty(), false);
    }
  }

  private void commentOnTrigger(Operation.CommentOn comment, QualifiedName object) {
    QualifiedName on = comment.table().get();
    ObjectName tableName = ObjectName.of(on);
    if (!state.tables.containsKey(tableName) && !state.views.containsKey(tableName)) {
      missingRelation(on, "table", false);
      return;
    }
    Key key = Keys.trigger(tableName, ObjectName.fold(object.name()));
    if (!state.triggers.containsKey(key.toString())) {
      missingObject("trigger", ObjectName.fold(object.name()) + " on " + tableName, key,
          object.name().span(), false);
    }
  }

  private void commentOnConstraint(Operation.CommentOn comment, QualifiedName object) {
    requireTable(comment.table().get(), false).ifPresent(t -> {
      if (t.constraint(ObjectName.fold(object.name())).isEmpty()) {
        missingConstraint(t, object.name());
      }
    });
  }

  // ---- lookups that report

  private boolean freeRelation(QualifiedName written, boolean ifNotExists) {
    ObjectName name = ObjectName.of(written);
    if (!state.relationTaken(name)) {
      return true;
    }
    if (!ifNotExists) {
      duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + name.display(),
          written.name().span(), state.relationOrigin(name));
    }
    return false;
  }

  private Optional<Table> requireTable(QualifiedName written, boolean ifExists) {
    ObjectName name = ObjectName.of(written);
    Table table = state.tables.get(name);
    if (table == null) {
      if (state.views.containsKey(name)) {
        if (!ifExists) {
          wrongKind(written, "table");
        }
        return Optional.empty();
      }
      missingRelation(written, "table", ifExists);
    }
    return Optional.ofNullable(table);
  }

  private void requireRelation(QualifiedName written, String kind) {
    ObjectName name = ObjectName.of(written);
    if (!state.tables.containsKey(name) && !state.views.containsKey(name)
        && !(written.schema().isPresent() && written.schema().get().value().toLowerCase(Locale.ROOT)
            .startsWith("pg_"))) {
      missingRelation(written, kind, false);
    }
  }

  // ---- diagnostics

  private void missingRelation(QualifiedName written, String kind, boolean ifExists) {
    if (ifExists) {
      return;
    }
    ObjectName name = ObjectName.of(written);
    if (blindWarning(SchemaCode.MISSING_RELATION, kind + " " + name, Keys.relation(name),
        span(written))) {
      return;
    }
    error(SchemaCode.MISSING_RELATION, kind + " " + name + " does not exist", span(written),
        goneNote(Keys.relation(name)));
  }

  private void missingColumn(Table table, Identifier column) {
    String name = ObjectName.fold(column);
    if (blindWarning(SchemaCode.MISSING_COLUMN, "column " + ObjectName.quoted(name)
        + " of table " + table.name(), Keys.column(table.name(), name), column.span())) {
      return;
    }
    error(SchemaCode.MISSING_COLUMN, "column " + ObjectName.quoted(name) + " of table "
            + table.name() + " does not exist", column.span(),
        goneNote(Keys.column(table.name(), name),
            "note: table " + table.name() + " is created at " + table.origin().describe()));
  }

  private void missingConstraint(Table table, Identifier id) {
    String name = ObjectName.fold(id);
    if (blindWarning(SchemaCode.MISSING_CONSTRAINT, "constraint " + ObjectName.quoted(name)
        + " of table " + table.name(), Keys.constraint(table.name(), name), id.span())) {
      return;
    }
    error(SchemaCode.MISSING_CONSTRAINT, "constraint " + ObjectName.quoted(name) + " of table "
            + table.name() + " does not exist", id.span(),
        goneNote(Keys.constraint(table.name(), name),
            "note: table " + table.name() + " is created at " + table.origin().describe()));
  }

  private void missingObject(String kind, String shown, Key key, Optional<Span> at,
      boolean ifExists) {
    if (ifExists) {
      return;
    }
    if (blindWarning(SchemaCode.MISSING_OBJECT, kind + " " + shown, key, at)) {
      return;
    }
    error(SchemaCode.MISSING_OBJECT, kind + " " + shown + " does not exist", at, goneNote(key));
  }

  private void wrongKind(QualifiedName written, String expected) {
    ObjectName name = ObjectName.of(written);
    String actual = state.relationKind(name);
    error(SchemaCode.WRONG_KIND, name + " is not a " + expected, span(written),
        "note: it is a " + actual + ", created at " + state.relationOrigin(name)
            .map(Origin::describe).orElse("?"));
  }

  private void duplicate(SchemaCode code, String what, Optional<Span> at,
      Optional<Origin> first) {
    error(code, what + " already exists", at, first.map(o -> "note: created at "
        + o.describe()).orElse("note: it already exists at this revision"));
  }

  /**
   * When the model is blind (a hand edit before), reports {@code what} as a warning that it may
   * have been made by hand, and answers true.
   */
  private boolean blindWarning(SchemaCode code, String what, Key key, Optional<Span> at) {
    if (state.handEdits.isEmpty()) {
      return false;
    }
    ModelState.Gone gone = state.gone.get(key);
    if (gone != null && gone.handEdits() == state.handEdits.size()) {
      return false; // dropped or renamed after the last hand edit: surely missing
    }
    HandEdit last = state.handEdits.getLast();
    String block = last.dialect().equals("DO") ? "DO block" : "'-- +dialect " + last.dialect()
        + "' block";
    warning(SchemaCode.MAYBE_MADE_BY_HAND, what + " does not exist in the schema model ("
            + code.code() + ")", at,
        "note: it may have been made by hand in the " + block + " at " + last.origin().describe(),
        "help: say what the block does to the schema in a '-- +model' block after it"
            + " (docs/schema-model.md)");
    return true;
  }

  private String[] goneNote(Key key, String... more) {
    List<String> notes = new ArrayList<>();
    ModelState.Gone gone = state.gone.get(key);
    if (gone != null) {
      notes.add("note: " + gone.note());
    }
    notes.addAll(List.of(more));
    if (notes.isEmpty()) {
      notes.add("note: no revision before this one creates it");
    }
    return notes.toArray(String[]::new);
  }

  private void error(SchemaCode code, String message, Optional<Span> at, String... notes) {
    report(Severity.ERROR, code, message, at, notes);
  }

  private void warning(SchemaCode code, String message, Optional<Span> at, String... notes) {
    report(Severity.WARNING, code, message, at, notes);
  }

  private void report(Severity severity, SchemaCode code, String message, Optional<Span> at,
      String... notes) {
    SourceFile source = file.source();
    diagnostics.add(new Diagnostic(severity, code.code(), message,
        Optional.of(new Location(source, at.orElse(statement.span()))), List.of(notes)));
  }

  // ---- origins

  private Origin origin(Optional<Span> at) {
    return new Origin(file.id(), file.source().path(), at.orElse(statement.span()));
  }

  private Origin created(Key key, Optional<Span> at) {
    Origin origin = origin(at);
    state.gone.remove(key);
    state.touched.put(key, origin);
    return origin;
  }

  private void touch(Key key, Optional<Span> at) {
    state.touched.put(key, origin(at));
  }

  private void dropped(Key key, Optional<Span> at) {
    Origin origin = origin(at);
    state.gone.put(key, new ModelState.Gone("dropped at " + origin.describe(),
        state.handEdits.size()));
    state.touched.put(key, origin);
  }

  private void renamed(Key key, Optional<Span> at) {
    Origin origin = origin(at);
    state.gone.put(key, new ModelState.Gone("renamed at " + origin.describe(),
        state.handEdits.size()));
    state.touched.put(key, origin);
  }

  /** The span of {@code schema.name}, or of the name when the parts are on two lines. */
  private static Optional<Span> span(QualifiedName name) {
    Optional<Span> last = name.name().span();
    if (name.schema().isEmpty() || last.isEmpty() || name.schema().get().span().isEmpty()) {
      return last;
    }
    Span first = name.schema().get().span().get();
    Span end = last.get();
    if (first.line() != end.line() || end.column() < first.column()) {
      return last;
    }
    return Optional.of(new Span(first.line(), first.column(),
        end.column() + end.length() - first.column()));
  }

  private static Optional<Span> first(List<Identifier> ids) {
    return ids.isEmpty() ? Optional.empty() : ids.getFirst().span();
  }

  /** The span of the string literal {@code 'value'} in the statement, or empty. */
  private Optional<Span> literal(String value) {
    return find("'" + value.replace("'", "''") + "'", 0);
  }

  private Optional<Span> literalAfter(String value, String before) {
    String text = statement.text();
    int from = text.indexOf("'" + before.replace("'", "''") + "'");
    return find("'" + value.replace("'", "''") + "'", Math.max(0, from + 1));
  }

  private Optional<Span> find(String needle, int from) {
    String text = statement.text();
    int at = text.indexOf(needle, from);
    if (at < 0) {
      return Optional.empty();
    }
    int line = statement.span().line();
    int column = statement.span().column();
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return Optional.of(new Span(line, column, needle.length()));
  }

  // ---- record helpers

  private static Table withColumns(Table t, List<Column> columns) {
    return new Table(t.name(), columns, t.constraints(), t.unlogged(), t.partitionBy(),
        t.partitionOf(), t.options(), t.comment(), t.origin());
  }

  private static Table withConstraints(Table t, List<Constraint> constraints) {
    return new Table(t.name(), t.columns(), constraints, t.unlogged(), t.partitionBy(),
        t.partitionOf(), t.options(), t.comment(), t.origin());
  }

  private static Column withNotNull(Column c, boolean notNull) {
    return new Column(c.name(), c.type(), notNull, c.defaultValue(), c.identity(), c.generated(),
        c.collation(), c.comment(), c.origin());
  }
}

package dev.strata.dialects;

import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Origin;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the type and expression tests share: a schema model with the enum type {@code mood}, and
 * revision files parsed by the real parser, so that the positions in diagnostics are the ones a
 * user sees.
 */
final class TypeCases {
  private TypeCases() {}

  /** A model whose only object is {@code CREATE TYPE mood AS ENUM ('happy', 'it''s')}. */
  static final SchemaModel MODEL = model(List.of("happy", "it's"));

  static SchemaModel model(List<String> moodValues) {
    ObjectName mood = new ObjectName("public", "mood");
    return new SchemaModel(Map.of(),
        Map.of(mood, new EnumType(mood, moodValues, Optional.empty(),
            new Origin("0000_types", "versions/0000_types.sql", Span.at(1, 13)))),
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
  }

  /** A parsed revision whose upgrade is {@code body}, and where it was read from. */
  record Revision(SourceFile source, List<Statement> statements) {
    Site site(int statement) {
      return new Site(source, statements.get(statement).span());
    }

    /** The columns of the first statement, a {@code CREATE TABLE}. */
    List<ColumnDef> columns() {
      return ((Operation.CreateTable) statements.getFirst().operation()).columns();
    }

    /** The site of column {@code i} of the first statement (its name). */
    Site columnSite(int i) {
      return DataTypes.at(site(0), columns().get(i).name());
    }
  }

  static Revision revision(String body) {
    SourceFile source = new SourceFile("versions/0001_types.sql",
        "-- revision: 0001_types\n-- revises: base\n-- message: types\n\n-- +upgrade\n" + body);
    try {
      RevisionFile file = new RevisionFileParser().parse(source);
      return new Revision(source, file.upgrade().statements());
    } catch (DiagnosticException e) {
      throw new AssertionError(e.format(), e);
    }
  }
}

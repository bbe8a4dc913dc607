/**
 * The translation of an Alembic revision's {@code upgrade()} and {@code downgrade()} bodies into
 * the revision-file language: {@link dev.strata.alembic.translate.OpTranslator} walks the Python
 * statements, {@code TableOps}, {@code ConstraintOps} and {@code DataOps} write the SQL of each
 * {@code op.*} operation as Alembic 1.8 and SQLAlchemy 1.4 write it for PostgreSQL, {@code Columns}
 * and {@code Types} the columns and types, and whatever cannot be translated exactly becomes a
 * {@link dev.strata.alembic.translate.Placeholder}. {@code docs/alembic-translation.md} is the
 * reference.
 */
package dev.strata.alembic.translate;

package dev.strata.compiler;

/**
 * One change to the version table (Alembic's {@code alembic_version}: one row per current head),
 * computed per step as Alembic's {@code HeadMaintainer.update_to_step} does, and rendered per
 * dialect. Revision ids here are plain values; renderers quote them as SQL literals.
 */
public sealed interface VersionTableOp {

  /** {@code INSERT INTO version_table (version_num) VALUES ('revision')} */
  record InsertHead(String revision) implements VersionTableOp {}

  /** {@code UPDATE version_table SET version_num = 'to' WHERE version_num = 'from'} */
  record UpdateHead(String from, String to) implements VersionTableOp {}

  /** {@code DELETE FROM version_table WHERE version_num = 'revision'} */
  record DeleteHead(String revision) implements VersionTableOp {}
}

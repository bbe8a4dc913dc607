with op.batch_alter_table('events', schema=None) as batch_op:
    batch_op.add_column(sa.Column('source', sa.String(length=40), nullable=True))
    batch_op.create_index(batch_op.f('ix_events_source'), ['source'], unique=False)
    op.execute("SELECT 1")
    batch_op.execute("SELECT 2")
    batch_op.drop_column('legacy')
with op.get_context().autocommit_block():
    op.execute("ALTER TYPE mood ADD VALUE 'happy'")
    op.create_index('ix_events_at', 'events', ['at'], postgresql_concurrently=True)

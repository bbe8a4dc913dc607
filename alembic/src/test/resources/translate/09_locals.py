status = postgresql.ENUM('open', 'closed', name='ticket_status', create_type=False)
tickets = op.create_table('tickets',
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('status', status, nullable=False),
    sa.Column('title', sa.Text()),
)
op.bulk_insert(tickets, [{'id': 1, 'status': 'open', 'title': 'first'}])
cleanup = sa.text("DELETE FROM tickets WHERE title IS NULL")
op.execute(cleanup)

op.create_table('orders',
    sa.Column('id', sa.BigInteger(), primary_key=True),
    sa.Column('status', sa.Enum('new', 'paid', name='order_status'), nullable=False, server_default='new'),
    sa.Column('old_status', sa.Enum('new', 'paid', name='order_status')),
    sa.Column('kind', postgresql.ENUM('a', 'b', name='kind', create_type=False)),
)
op.add_column('orders', sa.Column('mood', sa.Enum('x', name='mood')))
op.drop_table('orders')

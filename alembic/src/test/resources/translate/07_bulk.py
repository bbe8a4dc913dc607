currencies = sa.table('currencies', sa.column('code', sa.String), sa.column('name', sa.String), sa.column('digits', sa.Integer))
op.bulk_insert(currencies, [
    {'code': 'EUR', 'name': 'Euro', 'digits': 2},
    {'name': "Yen's", 'code': 'JPY', 'digits': 0},
    {'code': 'XXX', 'name': None},
])

-- revision: 0003_cart
-- revises: 0001_account
-- message: create cart

-- +upgrade
CREATE TABLE cart (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE cart;

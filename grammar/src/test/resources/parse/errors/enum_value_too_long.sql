-- revision: 0001_x
-- revises: base
-- message: x

-- +upgrade
ALTER TYPE mood ADD VALUE 'a_value_that_is_much_longer_than_the_sixty_three_bytes_postgresql_allows';

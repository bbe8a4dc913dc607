-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE OPERATOR === (LEFTARG = box, RIGHTARG = box, FUNCTION = area_equal_function);

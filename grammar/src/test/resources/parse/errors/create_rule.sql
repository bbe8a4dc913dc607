-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
CREATE OR REPLACE RULE no_delete AS ON DELETE TO orders DO INSTEAD NOTHING;

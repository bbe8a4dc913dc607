-- revision: 0002_b
-- revises: 0001_a

-- +upgrade
SET standard_conforming_strings = off;

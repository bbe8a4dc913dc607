-- a plain comment before the header
-- revision: 0007_comments
/* a block comment in the header */
-- revises: 0006_data   

--message:no spaces at all
-- a plain comment: this has no key shape because of the space

-- +upgrade
-- a comment that says -- +downgrade is only a comment when not at line start: x; -- +downgrade
CREATE /* inline */ TABLE notes ( -- trailing comment with a ; inside
    id BIGINT /* nested /* block */ comment; */ PRIMARY KEY,
    body TEXT DEFAULT '-- not a comment' -- a real comment
);
  DELETE FROM notes WHERE body = '/* not a comment */'; -- +upgrade after a statement is a comment

-- +downgrade
    -- +no-transaction
DROP TABLE notes; /* done */

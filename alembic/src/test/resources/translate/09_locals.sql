CREATE TABLE tickets (
    id SERIAL NOT NULL,
    status ticket_status NOT NULL,
    title TEXT,
    PRIMARY KEY (id)
);

INSERT INTO tickets (id, status, title) VALUES (1, 'open', 'first');
DELETE FROM tickets WHERE title IS NULL;

-- revision: 8a2e4d6c1b35
-- revises: 3f1c2a7b9d10
-- message: create posts

-- +upgrade
CREATE TABLE posts (
    id BIGSERIAL NOT NULL,
    user_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT,
    priority VARCHAR(10) NOT NULL DEFAULT '1',
    views INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT pk_posts PRIMARY KEY (id),
    CONSTRAINT fk_posts_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_posts_user_id ON posts (user_id);
CREATE TABLE comments (
    id SERIAL NOT NULL,
    post_id BIGINT NOT NULL,
    author_id INTEGER,
    text TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
    FOREIGN KEY (post_id) REFERENCES posts (id)
);

-- +downgrade
DROP TABLE comments;
DROP INDEX ix_posts_user_id;
DROP TABLE posts;

ALTER TABLE posts ADD FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE app.posts ADD CONSTRAINT fk_posts_org FOREIGN KEY (org_id, region) REFERENCES core.orgs (id, region) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE posts ADD CONSTRAINT uq_posts_slug UNIQUE (slug);
ALTER TABLE posts ADD CONSTRAINT pk_posts PRIMARY KEY (id);
ALTER TABLE posts ADD CONSTRAINT ck_posts_len CHECK (length(title) > 0);
ALTER TABLE app.posts DROP CONSTRAINT fk_posts_org;
ALTER TABLE posts RENAME TO articles;
ALTER TABLE posts ADD CONSTRAINT fk_posts_user_nv FOREIGN KEY (editor_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;
ALTER TABLE posts ADD CONSTRAINT ck_posts_nv CHECK (views >= 0) NOT VALID;

"""The application package the placeholders fixture's revisions import, as real projects import
their own models and column types (only what the revisions use)."""

-- These commands won't fail and should only set an internal bit in the DB marking the
-- constraint as valid.
-- They don't need to be run in a transaction.

ALTER TABLE symbol_history VALIDATE CONSTRAINT "symbol_history_module_path_id_fkey";
ALTER TABLE symbol_history VALIDATE CONSTRAINT "symbol_history_package_path_id_fkey";
ALTER TABLE symbol_search_documents VALIDATE CONSTRAINT "symbol_search_documents_package_path_id_fkey";
ALTER TABLE latest_module_versions VALIDATE CONSTRAINT "latest_module_versions_module_path_id_fkey";

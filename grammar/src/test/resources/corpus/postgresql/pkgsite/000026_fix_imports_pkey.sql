ALTER TABLE imports DROP CONSTRAINT imports_pkey;
ALTER TABLE imports ADD PRIMARY KEY (to_path, from_path, from_version, from_module_path);

INSERT INTO currencies (code, name, digits) VALUES ('EUR', 'Euro', 2);
INSERT INTO currencies (code, name, digits) VALUES ('JPY', 'Yen''s', 0);
INSERT INTO currencies (code, name) VALUES ('XXX', NULL);

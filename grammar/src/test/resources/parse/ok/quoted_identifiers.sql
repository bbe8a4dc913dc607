-- revision: 0009_quoted
-- revises: 0008_functions

-- +upgrade
CREATE TABLE "Order Items" (
    "id" BIGINT PRIMARY KEY,
    "select" TEXT,
    "with ""quotes"" inside" INTEGER,
    "Ünïcödé" TEXT,
    key TEXT,
    type TEXT,
    data JSONB,
    text TEXT,
    date DATE,
    "time" TIME
);
CREATE INDEX "ix;odd" ON "My Schema"."Order Items" ("select");
ALTER TABLE "Order Items" RENAME COLUMN "select" TO "chosen";
UPDATE "Order Items" SET "with ""quotes"" inside" = 1 WHERE "Ünïcödé" = 'é';

-- +downgrade
DROP TABLE "Order Items";

package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expressions whose meaning PostgreSQL decides by type or by its own rules, run by the real
 * clients: integer division, {@code date + integer} and {@code date - date}, {@code greatest()}
 * and {@code least()} with a NULL, a cast of 3.9 to an integer, {@code octet_length()}, {@code
 * string_agg()}, text such as {@code 'yes'} given to (in {@code VALUES} and {@code INSERT ...
 * SELECT}) or compared with a boolean column, {@code j ->> 'key'} of a JSON boolean or number, a NUMERIC divided (SQLite divided 10.00 / 4 as
 * integers) or taken modulo, a timestamp column plus an interval, a boolean cast to text or concatenated
 * ({@code active || '/'}, and a timestamp or time, whose fraction MySQL wrote in six digits), a
 * regular expression's {@code .} across a line break, {@code lpad()} shortening, {@code
 * to_hex()}, casts to {@code NUMERIC(p, s)} and {@code VARCHAR(n)}, and an {@code INSERT ...
 * SELECT ... FROM t ON CONFLICT} (which SQLite cannot parse without a {@code WHERE}), a date or a
 * timestamp plus an interval as text (jOOQ added the interval's text to a date: SQLite gave 2026,
 * MariaDB refused it; SQLite wrote .000, MySQL six digits; a year after February 29 is February
 * 28, where SQLite went on to March 1; MySQL read INTERVAL '-2 months' as two months later), a
 * float cast to an integer (half to even, as PostgreSQL's rint; SQLite rounded 2.5 to 3), a
 * float's {@code round()} in a {@code CHECK}, a generated column and an index key (SQLite refused
 * the subquery its half-to-even rounding was written with: subqueries prohibited), and
 * the bit operators {@code ~}, {@code <<} and {@code >>} of negative numbers (MySQL's and
 * MariaDB's work on unsigned 64 bits: {@code ~a} was 18446744073709551608, stopping the script at
 * error 1264, {@code -7 >> 1} 9223372036854775804), and columns
 * added with a default of {@code random()} or {@code gen_random_uuid()} (a value per existing row;
 * MariaDB stored one for all unless told {@code ALGORITHM = COPY}). Each
 * dialect leaves in r the rows PostgreSQL leaves (checked against PostgreSQL itself too).
 */
class ValueSemanticsTest {
  private static final String REVISION = """
      -- revision: 0001_t
      -- revises: base
      -- message: t

      -- +upgrade
      CREATE TABLE t (id BIGINT PRIMARY KEY, a INTEGER, b INTEGER, d DATE, e DATE,
          s VARCHAR(20), x NUMERIC(10, 2), big BIGINT);
      INSERT INTO t (id, a, b, d, e, s, x, big) VALUES
          (1, 7, 2, '2026-01-31', '2026-03-01', 'ab', 3.9, 9007199254740993),
          (2, NULL, 3, '2026-02-28', NULL, 'é', -2.5, 5);
      CREATE TABLE r (k VARCHAR(40) PRIMARY KEY, v VARCHAR(100));
      INSERT INTO r (k, v) SELECT 'div', CAST(a / b AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'div2', CAST((a + 1) / -3 AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'dateplus', CAST(d + 1 AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'dateplus2', CAST(30 + d AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'dateminus', CAST(d - (a + 1) AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'datediff', CAST(e - d AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'literaldiff', CAST(DATE '2026-03-01' - d AS VARCHAR(100))
          FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'literalplus', CAST(DATE '2026-03-01' + a AS VARCHAR(100))
          FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'literal', CAST(DATE '2026-03-01' - 1 AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'dinterval', CAST(d + INTERVAL '1 month' AS VARCHAR(30)) || ' '
          || CAST(d - INTERVAL '1 day 2 hours' AS VARCHAR(30)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'greatest', CAST(greatest(a, b) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'bits', CAST(~a AS VARCHAR(30)) || ' '
          || CAST((-a) >> 1 AS VARCHAR(30)) || ' ' || CAST(a << 2 AS VARCHAR(30)) || ' '
          || CAST((-a) << 1 AS VARCHAR(30)) || ' ' || CAST(CAST(1 AS BIGINT) << 63 AS VARCHAR(30))
          || ' ' || CAST(~(-a) AS VARCHAR(30)) || ' ' || CAST(a >> 1 AS VARCHAR(30))
          FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'least', CAST(least(a, b, 10) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'castint', CAST(CAST(x AS INTEGER) AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'castint2', CAST(CAST(x AS INTEGER) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'castbig', CAST(CAST(big AS BIGINT) AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'octets', CAST(octet_length(s) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'agg', string_agg(s, ',') FROM t;
      ALTER TABLE t ADD COLUMN rnd DOUBLE PRECISION DEFAULT random();
      ALTER TABLE t ADD COLUMN uid UUID DEFAULT gen_random_uuid();
      INSERT INTO r (k, v) SELECT 'rnd', CAST(count(DISTINCT rnd) AS VARCHAR(10))
          || CAST(count(DISTINCT uid) AS VARCHAR(10)) FROM t;
      %s      CREATE TABLE b (id BIGINT PRIMARY KEY, f BOOLEAN DEFAULT 'false',
          g BOOLEAN NOT NULL DEFAULT 't');
      ALTER TABLE b ADD COLUMN h BOOLEAN DEFAULT 'yes';
      INSERT INTO b (id) VALUES (1);
      INSERT INTO b (id, f, g) VALUES (2, 'TRUE', ' of ');
      INSERT INTO b VALUES (3, '1', 'n', 'on');
      INSERT INTO b (id, g, f) SELECT 4, 'off', 'yes';
      INSERT INTO b SELECT 5, 'no' AS f, 't', 'false';
      UPDATE b SET h = 'f' WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'b' || CAST(id AS VARCHAR(10)), CASE WHEN f THEN 'T' ELSE 'F' END
          || CASE WHEN g THEN 'T' ELSE 'F' END || CASE WHEN h THEN 'T' ELSE 'F' END FROM b;
      INSERT INTO r (k, v) SELECT 'beq', CAST(count(*) AS VARCHAR(10)) FROM b WHERE f = 'true';
      INSERT INTO r (k, v) SELECT 'bne', CAST(count(*) AS VARCHAR(10)) FROM b WHERE 'yes' <> h;
      CREATE TABLE js (id BIGINT PRIMARY KEY, j JSONB);
      INSERT INTO js (id, j) VALUES
          (1, '{"a": true, "b": false, "c": null, "d": "x", "n": 5, "k.y": true}');
      INSERT INTO r (k, v) SELECT 'ja', j ->> 'a' FROM js;
      INSERT INTO r (k, v) SELECT 'jb', j ->> 'b' FROM js;
      INSERT INTO r (k, v) SELECT 'jc', coalesce(j ->> 'c', 'NULL') FROM js;
      INSERT INTO r (k, v) SELECT 'jd', j ->> 'd' FROM js;
      INSERT INTO r (k, v) SELECT 'jn', j ->> 'n' FROM js;
      INSERT INTO r (k, v) SELECT 'jm', coalesce(j ->> 'missing', 'NULL') FROM js;
      INSERT INTO r (k, v) SELECT 'jq', j ->> 'k.y' FROM js;
      INSERT INTO r (k, v) SELECT 'jeq', CAST(count(*) AS VARCHAR(10)) FROM js
          WHERE j ->> 'a' = 'true' AND j ->> 'n' = '5';
      CREATE TABLE nm (id BIGINT PRIMARY KEY, price NUMERIC(10, 2), qty INTEGER,
          whole NUMERIC(10, 2), n3 NUMERIC(10, 3), ts TIMESTAMP, active BOOLEAN, note VARCHAR(40),
          rate NUMERIC(20, 10));
      INSERT INTO nm (id, price, qty, whole, n3, ts, active, note) VALUES
          (1, 10.00, 4, 1234.50, 12.345, '2024-02-29 13:45:30', true, E'line1\nline2');
      UPDATE nm SET rate = price / 3;
      INSERT INTO r (k, v) SELECT 'digits', CASE WHEN rate > 3.3333333332 AND rate < 3.3333333334
          THEN 'yes' ELSE 'no' END FROM nm;
      INSERT INTO r (k, v) SELECT 'ndiv', CASE WHEN price / qty = 2.5 THEN 'yes' ELSE 'no' END
          FROM nm;
      INSERT INTO r (k, v) SELECT 'nmod', CASE WHEN whole %% 7 = 2.5 THEN 'yes' ELSE 'no' END FROM nm;
      INSERT INTO r (k, v) SELECT 'round', CAST(CAST(n3 AS NUMERIC(10, 2)) AS VARCHAR(100)) FROM nm;
      INSERT INTO r (k, v) SELECT 'roundneg', CASE WHEN round(whole, -2) = 1200
          AND round(whole + 15.5, -2) = 1300 AND round(-whole - 15.5, -3) = -1000
          AND round(whole, qty - 6) = 1200 AND round(whole, qty - 4) = 1235 THEN 'yes' ELSE 'no' END
          FROM nm;
      INSERT INTO r (k, v) SELECT 'cut', CAST(note AS VARCHAR(3)) FROM nm;
      INSERT INTO r (k, v) SELECT 'tsplus', CAST(extract(day FROM ts + INTERVAL '1 day') AS
          VARCHAR(100)) FROM nm;
      INSERT INTO r (k, v) SELECT 'tsminus', CASE WHEN ts - INTERVAL '1 hour'
          < TIMESTAMP '2024-02-29 13:00:00' THEN 'yes' ELSE 'no' END FROM nm;
      INSERT INTO r (k, v) SELECT 'btext', CAST(active AS VARCHAR(10)) FROM nm;
      INSERT INTO r (k, v) SELECT 'btext3', CAST(active AS VARCHAR(3)) FROM nm;
      INSERT INTO r (k, v) SELECT 'tstext', CAST(ts AS TEXT) || ' ' || CAST(ts AS VARCHAR(10))
          FROM nm;
      INSERT INTO r (k, v) SELECT 'concat', active || '/' || ts || '/' || (NOT active) FROM nm;
      INSERT INTO r (k, v) SELECT 'tsinterval', CAST(ts + INTERVAL '1 day' AS TEXT) || ' '
          || CAST(ts + INTERVAL '0.25 seconds' AS TEXT) FROM nm;
      ALTER TABLE nm ADD COLUMN fl DOUBLE PRECISION DEFAULT 2.5;
      INSERT INTO r (k, v) SELECT 'floatint', CAST(fl AS INTEGER) || ' ' || CAST(-fl AS INTEGER)
          || ' ' || CAST(CAST(3.5 AS REAL) AS INTEGER) || ' '
          || CAST(CAST(0.5 AS DOUBLE PRECISION) AS BIGINT) || ' ' || CAST(fl * 3 AS SMALLINT) FROM nm;
      INSERT INTO r (k, v) SELECT 'nowneg', CASE WHEN now() + INTERVAL '-2 months'
          < now() - INTERVAL '50 days' THEN 'yes' ELSE 'no' END || ' '
          || CAST(TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '-3 hours' AS TEXT) FROM nm;
      INSERT INTO r (k, v) SELECT 'tsmonths', CAST(ts + INTERVAL '1 year' AS TEXT) || ' '
          || CAST(ts + INTERVAL '-2 months' AS TEXT) || ' ' || CAST(ts + INTERVAL '-3 hours' AS TEXT)
          FROM nm;
      INSERT INTO r (k, v) SELECT 'floatround', CAST(CAST(round(fl) AS INTEGER) AS TEXT) || ' '
          || CAST(CAST(round(-fl) AS INTEGER) AS TEXT) || ' '
          || CAST(CAST(round(fl + 1) AS INTEGER) AS TEXT) || ' '
          || CAST(CAST(round(CAST(12.5 AS DOUBLE PRECISION)) AS INTEGER) AS TEXT) || ' '
          || CAST(CAST(round(CAST(2.5 AS NUMERIC(4, 1))) AS INTEGER) AS TEXT) || ' '
          || CASE WHEN round(random() * 10) BETWEEN 0 AND 10 THEN 'yes' ELSE 'no' END FROM nm;
      CREATE TABLE fr (id BIGINT PRIMARY KEY, fx DOUBLE PRECISION,
          g DOUBLE PRECISION GENERATED ALWAYS AS (round(fx)) STORED,
          CONSTRAINT fr_x CHECK (round(fx) <> 3));
      %s      INSERT INTO fr (id, fx) VALUES (1, 2.5);
      INSERT INTO r (k, v) SELECT 'floatdef', CAST(CAST(g AS INTEGER) AS TEXT) FROM fr
          WHERE round(fx) = 2;
      INSERT INTO r (k, v) SELECT 'litmonths',
          CAST(TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month' AS TEXT) || ' '
          || CAST(TIMESTAMP '2024-03-31 10:00:00' - INTERVAL '1 month' AS TEXT) || ' '
          || CAST(TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month 1 day' AS TEXT) || ' '
          || CASE WHEN now() + INTERVAL '1 month' > now() THEN 'yes' ELSE 'no' END FROM nm;
      INSERT INTO r (k, v) SELECT 'btext4', true::text || '/' || CAST(qty > 3 AS TEXT) FROM nm;
      INSERT INTO r (k, v) SELECT 'brandom', CAST(count(*) AS VARCHAR(10)) FROM r AS r1, r AS r2
          WHERE CAST(random() > 0.5 AS TEXT) IS NULL;
      INSERT INTO r (k, v) SELECT 'bcond', CASE WHEN (qty > 3) = 'yes' THEN 'yes' ELSE 'no' END
          FROM nm;
      INSERT INTO r (k, v) SELECT 'regex', CASE WHEN note ~ '1.l' THEN 'yes' ELSE 'no' END FROM nm;
      INSERT INTO r (k, v) SELECT 'lpad', lpad('abcdef', 3, '0') FROM nm;
      INSERT INTO r (k, v) SELECT 'rpad', rpad('ab', 4, 'x') FROM nm;
      INSERT INTO r (k, v) SELECT 'hex', to_hex(255) FROM nm;
      %s      UPDATE t SET d = d + 2, e = e - 1 WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'update', CAST(d AS VARCHAR(100)) || ' ' || CAST(e AS VARCHAR(100)) FROM t WHERE id = 1;
      -- +downgrade
      DROP TABLE fr;
      DROP TABLE nm;
      DROP TABLE js;
      DROP TABLE b;
      DROP TABLE r;
      DROP TABLE t;
      """;

  /** An upsert after a query that ends with its FROM (MySQL and MariaDB refuse ON CONFLICT). */
  private static final String UPSERT = """
      INSERT INTO r (k, v) SELECT 'upsert', CAST(count(*) AS VARCHAR(100)) FROM t
          ON CONFLICT (k) DO NOTHING;
      INSERT INTO r (k, v) SELECT 'upsert', CAST(count(*) + 1 AS VARCHAR(100)) FROM t
          ON CONFLICT (k) DO UPDATE SET v = excluded.v;
      """;

  /** An index of an expression (MariaDB indexes one through a generated column: E0441). */
  private static final String EXPRESSION_INDEX = "CREATE INDEX fr_r ON fr ((round(fx)));\n";

  /** Seconds with their fraction (SQLite refuses extract(second ...): E0434). */
  private static final String SECONDS = """
      CREATE TABLE sec (id BIGINT PRIMARY KEY, ts TIMESTAMP(6), tm TIME(6));
      INSERT INTO sec (id, ts, tm) VALUES (1, TIMESTAMP '2024-01-02 03:04:05.123456', '10:00:09.5');
      INSERT INTO r (k, v) SELECT 'second', CAST(extract(second FROM ts) AS VARCHAR(20)) || ' '
          || CAST(CAST(date_part('second', tm) * 10 AS INTEGER) AS VARCHAR(20)) FROM sec;
      INSERT INTO r (k, v) SELECT 'concat2', ts || ' ' || tm FROM sec;
      DROP TABLE sec;
      """;

  /** What PostgreSQL leaves in r. */
  private static final List<String> POSTGRESQL = List.of(
      "agg|ab,é", "b1|FTT", "b2|TFF", "b3|TFT", "b4|TFT", "b5|FTF", "bcond|yes", "beq|3",
      "bits|-8 -4 28 -14 -9223372036854775808 6 3", "bne|2", "brandom|0",
      "btext|true", "btext3|tru", "btext4|true/true",
      "castbig|9007199254740993", "castint|4", "castint2|-3", "concat|true/2024-02-29 13:45:30/false",
      "concat2|2024-01-02 03:04:05.123456 10:00:09.5", "cut|lin", "datediff|29",
      "dateminus|2026-01-23", "dateplus|2026-02-01", "dateplus2|2026-03-02", "digits|yes",
      "dinterval|2026-03-28 00:00:00 2026-02-26 22:00:00", "div|3",
      "div2|-2", "floatdef|2", "floatint|2 -2 4 0 8",
      "floatround|2 -2 4 12 3 yes", "greatest|3", "hex|ff", "ja|true", "jb|false", "jc|NULL",
      "jd|x", "jeq|1",
      "jm|NULL", "jn|5", "jq|true", "least|3", "literal|2026-02-28", "literaldiff|29",
      "literalplus|2026-03-08",
      "litmonths|2024-02-29 10:00:00 2024-02-29 10:00:00 2024-03-01 10:00:00 yes", "lpad|abc",
      "ndiv|yes", "nmod|yes", "nowneg|yes 2024-01-31 07:00:00", "octets|2", "regex|yes",
      "rnd|22", "round|12.35", "roundneg|yes", "rpad|abxx", "second|5.123456 95",
      "tsinterval|2024-03-01 13:45:30 2024-02-29 13:45:30.25", "tsminus|yes",
      "tsmonths|2025-02-28 13:45:30 2023-12-29 13:45:30 2024-02-29 10:45:30",
      "tsplus|1",
      "tstext|2024-02-29 13:45:30 2024-02-29",
      "update|2026-02-02 2026-02-28",
      "upsert|3");

  /** The rows, in the order of their keys. */
  private static final String ROWS = "SELECT k, v FROM r ORDER BY k";

  @TempDir Path dir;

  @Test
  void postgresqlLeavesTheExpectedRows() throws Exception {
    assertEquals(POSTGRESQL, ClientRows.postgresql(dir.resolve("postgresql"), "values_pg", ROWS,
        REVISION.formatted(UPSERT, EXPRESSION_INDEX, SECONDS)));
  }

  @Test
  void mariadbLeavesThePostgresqlRows() throws Exception {
    assertEquals(POSTGRESQL.stream().filter(row -> !row.startsWith("upsert|")).toList(),
        ClientRows.mariadb(dir.resolve("mariadb"), "mysqlh_values", ROWS,
            REVISION.formatted("", "", SECONDS)));
  }

  @Test
  void sqliteLeavesThePostgresqlRows() throws Exception {
    assertEquals(POSTGRESQL.stream()
            .filter(row -> !row.startsWith("second|") && !row.startsWith("concat2|")).toList(),
        ClientRows.sqlite(ClientRows.sqliteScript(dir.resolve("sqlite"),
            REVISION.formatted(UPSERT, EXPRESSION_INDEX, "")), "sqlite_values", ROWS));
  }
}

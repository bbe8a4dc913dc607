package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The password of a JDBC URL never shows: not in the URL, not in a message that repeats it. */
class JdbcUrlTest {

  @Test
  void passwordParameterIsMaskedWhereverItStands() {
    assertEquals("jdbc:postgresql://db:5432/ledger?user=app&password=***",
        new JdbcUrl("jdbc:postgresql://db:5432/ledger?user=app&password=hunter2").toString());
    assertEquals("jdbc:postgresql://db/ledger?password=***&user=app&ssl=true",
        new JdbcUrl("jdbc:postgresql://db/ledger?password=hunter2&user=app&ssl=true").toString());
    assertEquals("jdbc:postgresql://db/ledger?user=app&PASSWORD=***",
        new JdbcUrl("jdbc:postgresql://db/ledger?user=app&PASSWORD=hunter2").toString());
  }

  @Test
  void urlWithoutPasswordIsShownAsIs() {
    assertEquals("jdbc:postgresql://db/ledger?user=app",
        new JdbcUrl("jdbc:postgresql://db/ledger?user=app").toString());
  }

  @Test
  void messagesLoseThePasswordAsWrittenAndDecoded() {
    JdbcUrl url = new JdbcUrl("jdbc:postgresql://db/ledger?user=app&password=p%40ss%2Fw0rd");
    assertEquals("role \"***\" and \"***\" and jdbc:postgresql://db/ledger?user=app&password=***",
        url.mask("role \"p%40ss%2Fw0rd\" and \"p@ss/w0rd\" and " + url.url()));
  }

  @Test
  void userInfoIsMaskedInTheRefusal() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JdbcUrl("jdbc:postgresql://app:hunter2@db:5432/ledger"));
    assertEquals("'jdbc:postgresql://app:***@db:5432/ledger' names the user before the host,"
        + " which the PostgreSQL JDBC driver does not read: write"
        + " //HOST:PORT/DATABASE?user=USER&password=PASSWORD", e.getMessage());
  }

  @Test
  void otherSchemesAreRefusedWithThePasswordMasked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JdbcUrl("redis://app:hunter2@db/ledger?password=hunter3"));
    assertEquals("'redis://app:***@db/ledger?password=***' is not a database strata"
        + " reads: expected " + JdbcUrl.FORMS, e.getMessage());
  }

  @Test
  void eachFormNamesItsEngine() {
    assertEquals(JdbcUrl.Engine.POSTGRESQL, new JdbcUrl("jdbc:postgresql://db/ledger").engine());
    assertEquals(JdbcUrl.Engine.MARIADB, new JdbcUrl("jdbc:mariadb://db/ledger").engine());
    assertEquals(JdbcUrl.Engine.MARIADB, new JdbcUrl("jdbc:mysql://db:3306/ledger").engine());
    assertEquals(JdbcUrl.Engine.MARIADB,
        new JdbcUrl("jdbc:mariadb:replication://db1,db2/ledger").engine());
    assertEquals(JdbcUrl.Engine.SQLITE, new JdbcUrl("jdbc:sqlite:/var/app.db").engine());
    assertEquals(JdbcUrl.Engine.SQLITE, new JdbcUrl("dev.sqlite3").engine());
    assertEquals(JdbcUrl.Engine.SQLITE, new JdbcUrl("data/App.DB").engine());
    assertThrows(IllegalArgumentException.class, () -> new JdbcUrl("data/app.txt"));
    assertThrows(IllegalArgumentException.class, () -> new JdbcUrl("jdbc:h2:mem:x"));
  }

  @Test
  void theDriverGetsAUrlItTakes() {
    // MariaDB Connector/J takes jdbc:mysql: only with permitMysqlScheme: the scheme is rewritten
    assertEquals("jdbc:mariadb://db:3306/ledger?user=app",
        new JdbcUrl("jdbc:mysql://db:3306/ledger?user=app").driverUrl());
    assertEquals("jdbc:mariadb://db/ledger", new JdbcUrl("jdbc:mariadb://db/ledger").driverUrl());
    assertEquals("jdbc:sqlite:dev.db", new JdbcUrl("dev.db").driverUrl());
    assertEquals("jdbc:sqlite:/var/app.db", new JdbcUrl("jdbc:sqlite:/var/app.db").driverUrl());
  }

  @Test
  void theSqliteFileIsThePathOfTheUrl() {
    assertEquals(java.nio.file.Path.of("/var/app.db"),
        new JdbcUrl("jdbc:sqlite:/var/app.db").sqliteFile());
    assertEquals(java.nio.file.Path.of("/var/app.db"),
        new JdbcUrl("jdbc:sqlite:file:///var/app.db?mode=ro").sqliteFile());
    assertEquals(java.nio.file.Path.of("dev.db"), new JdbcUrl("dev.db").sqliteFile());
  }

  @Test
  void aMariaDbUrlNamesADatabaseAndHidesItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JdbcUrl("jdbc:mysql://db:3306?user=app&password=hunter2"));
    assertEquals("'jdbc:mysql://db:3306?user=app&password=***' names no database, and the"
        + " version table lives in one: write jdbc:mysql://HOST:PORT/DATABASE?user=USER"
        + "&password=PASSWORD", e.getMessage());
    assertEquals("jdbc:mariadb://db/ledger?user=app&password=***",
        new JdbcUrl("jdbc:mariadb://db/ledger?user=app&password=hunter2").toString());
    assertEquals("jdbc:mariadb://app:***@db/ledger",
        new JdbcUrl("jdbc:mariadb://app:hunter2@db/ledger").toString());
  }

  /** The report: an Alembic user's URL was read as the path 'sqlite:/tmp/...', "missing". */
  @Test
  void sqlalchemysSqliteUrlIsRefusedWithItsJdbcForm() {
    assertEquals("'sqlite:////srv/app.db' is SQLAlchemy's form of an SQLite URL, which strata"
        + " does not read: write jdbc:sqlite:/srv/app.db for the file SQLAlchemy opens",
        assertThrows(IllegalArgumentException.class,
            () -> new JdbcUrl("sqlite:////srv/app.db")).getMessage());
    assertEquals("'sqlite:///app.db' is SQLAlchemy's form of an SQLite URL, which strata"
        + " does not read: write jdbc:sqlite:app.db for the file SQLAlchemy opens",
        assertThrows(IllegalArgumentException.class,
            () -> new JdbcUrl("sqlite:///app.db")).getMessage());
  }

  @Test
  void inMemorySqliteIsRefused() {
    for (String url : new String[] {"jdbc:sqlite::memory:", "jdbc:sqlite:",
        "jdbc:sqlite:file:x?mode=memory"}) {
      assertThrows(IllegalArgumentException.class, () -> new JdbcUrl(url), url);
    }
  }
}

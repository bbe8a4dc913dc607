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
        () -> new JdbcUrl("postgresql://app:hunter2@db/ledger?password=hunter3"));
    assertEquals("'postgresql://app:***@db/ledger?password=***' is not a PostgreSQL JDBC"
        + " URL: expected jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD",
        e.getMessage());
  }
}

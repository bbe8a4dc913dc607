package dev.strata.alembic.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names and literals spelled as SQLAlchemy 1.4's PostgreSQL dialect spells them. */
class SqlTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      users        | users
      created_at   | created_at
      userId       | "userId"
      Users        | "Users"
      order        | "order"
      user         | "user"
      select       | "select"
      1st          | "1st"
      $x           | "$x"
      a b          | "a b"
      a"b          | "a""b"
      lower(email) | "lower(email)"
      date         | date
      text         | text
      type         | type
      comment      | comment
      """)
  void identifiersAreQuotedAsSqlalchemyQuotesThem(String name, String sql) {
    assertEquals(sql, Sql.ident(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      order_status | order_status
      date         | date
      Mood         | "Mood"
      select       | "select"
      """)
  void typeNamesAreQuotedAsSqlalchemyQuotesThem(String name, String sql) {
    assertEquals(sql, Sql.typeName(null, name));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      it's        | 'it''s'
      50% off     | '50% off'
      a\\b        | 'a\\b'
      """)
  void literalsKeepTheTextAsTheDatabaseReceivesIt(String value, String sql) {
    assertEquals(sql, Sql.literal(value));
  }
}

package dev.strata.dialects;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Constraint;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Name;
import org.jooq.Qualified;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.TableField;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.impl.DSL;

/**
 * The words a dialect reserves that PostgreSQL does not, and the quoting of a name that is one: a
 * table {@code out}, a column {@code key}, {@code range} or {@code read} is a plain name in
 * PostgreSQL, and a syntax error unquoted in MySQL or MariaDB ({@code CREATE TABLE out (key ...)}).
 * strata writes a name as the source did ({@link SqlContext}: quoted when it was quoted), so a
 * name written unquoted that the target reserves is quoted there ({@code `key`}); words PostgreSQL
 * reserves too come quoted from the source already.
 *
 * <p>The lists: MySQL's reserved words from 8.0 to 9.x (the rows {@code RESERVED = 1} of {@code
 * INFORMATION_SCHEMA.KEYWORDS}, as mysql-server's test {@code information_schema_keywords.result}
 * records them for 8.0 and 9.x), with MariaDB 10.11's (each word of its {@code
 * INFORMATION_SCHEMA.KEYWORDS} that its server refused unquoted as a table, column, alias or index
 * name), one list for both: a script for one may run on the other, and quoting a word that needs
 * none changes nothing. SQLite's: each of those words and SQLite's keywords that SQLite 3.40
 * refused unquoted in the same places (SQLite takes most keywords as names).
 */
final class ReservedWords {
  private ReservedWords() {}

  private static final Set<String> MYSQL = words(
      "accessible add all alter analyze and array as asc asensitive before between bigint"
      + " binary blob both by call cascade case change char character check collate column"
      + " condition constraint continue convert create cross cube cume_dist current_date"
      + " current_role current_time current_timestamp current_user cursor database databases"
      + " day_hour day_microsecond day_minute day_second dec decimal declare default delayed"
      + " delete delete_domain_id dense_rank desc describe deterministic distinct distinctrow div"
      + " do_domain_ids double drop dual each else elseif empty enclosed escaped except exists"
      + " exit explain external false fetch first_value float float4 float8 for force foreign from"
      + " fulltext function generated get grant group grouping groups having high_priority"
      + " hour_microsecond hour_minute hour_second if ignore ignore_domain_ids in index infile"
      + " inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval"
      + " into io_after_gtids io_before_gtids is iterate join json_table key keys kill lag"
      + " last_value lateral lead leading leave left library like limit linear lines load"
      + " localtime localtimestamp lock long longblob longtext loop low_priority master_bind"
      + " master_demote_to_replica master_demote_to_slave master_ssl_verify_server_cert match"
      + " maxvalue mediumblob mediumint mediumtext member middleint minute_microsecond"
      + " minute_second mod modifies natural no_write_to_binlog not nth_value ntile null numeric"
      + " of offset on optimize optimizer_costs option optionally or order out outer outfile over"
      + " page_checksum parse_vcol_expr partition percent_rank portion precision primary procedure"
      + " purge qualify range rank read read_write reads real recursive ref_system_id references"
      + " regexp release rename repeat replace require resignal restrict return returning revoke"
      + " right rlike row row_number rows schema schemas second_microsecond select sensitive"
      + " separator set show signal smallint spatial specific sql sql_big_result sql_buffer_result"
      + " sql_cache sql_calc_found_rows sql_no_cache sql_small_result sqlexception sqlstate"
      + " sqlwarning ssl starting stats_auto_recalc stats_persistent stats_sample_pages stored"
      + " straight_join system table tablesample terminated then tinyblob tinyint tinytext to"
      + " trailing trigger true undo union unique unlock unsigned update usage use using utc_date"
      + " utc_time utc_timestamp values varbinary varchar varcharacter varying virtual when where"
      + " while window with write xor year_month zerofill");

  private static final Set<String> SQLITE = words(
      "add all alter and as autoincrement between case cast check collate commit constraint"
      + " create current_date current_time current_timestamp default deferrable delete distinct"
      + " drop else escape except exists foreign from group having if in index insert intersect"
      + " into is isnull join limit not nothing notnull null on or order primary raise references"
      + " returning select set table then to transaction union unique update using values when"
      + " where");

  private static Set<String> words(String list) {
    return Arrays.stream(list.split(" ")).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code dialect} reserves {@code name} (any case), which PostgreSQL takes unquoted. */
  static boolean reserved(Dialect dialect, String name) {
    String word = name.toLowerCase(Locale.ROOT);
    return switch (dialect) {
      case POSTGRESQL -> false;
      case MYSQL, MARIADB -> MYSQL.contains(word);
      case SQLITE -> SQLITE.contains(word);
    };
  }

  /**
   * The visit listener of every statement rendered for {@code dialect} ({@link SqlContext}), which
   * quotes a name written unquoted that the dialect reserves ({@link #reserved}), as written (the
   * case kept: quoting does not change how MySQL, MariaDB or SQLite compare names). Not the name of
   * a function ({@code left(s, 2)}: a quoted name followed by a parenthesis would call a stored
   * function of that name), told by what jOOQ renders it in ({@link #names}).
   */
  static VisitListener quoting(Dialect dialect) {
    return new VisitListener() {
      @Override
      public void visitStart(VisitContext context) {
        if (context.queryPart() instanceof Name name && name.parts().length == 1
            && name.quoted() != Name.Quoted.QUOTED && reserved(dialect, name.first())
            && names(context.queryParts())) {
          context.queryPart(DSL.quotedName(name.first()));
        }
      }
    };
  }

  /**
   * Whether the name last in {@code parts} (the parts being visited) names a column, a table, an
   * index, a constraint, a sequence or an alias: what jOOQ renders it in is one of those (a table,
   * an index and a sequence in SQLite are {@link Qualified}; or a qualified name, or a statement).
   * Anything else (a function, {@code cast} in SQLite's {@code
   * cast(x AS text)}) is a call.
   */
  private static boolean names(QueryPart[] parts) {
    QueryPart parent = parts.length > 1 ? parts[parts.length - 2] : null;
    return parent == null || parent instanceof TableField<?, ?>
        || parent instanceof Qualified && !(parent instanceof Field<?>)
        || parent instanceof Index || parent instanceof Constraint || parent instanceof Name
        || parent instanceof Query || parent.getClass().getName().equals("org.jooq.impl.Alias");
  }
}

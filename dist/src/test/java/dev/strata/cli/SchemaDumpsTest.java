package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Alembic proof leaves out of a pg_dump before comparing two, and what it keeps. */
class SchemaDumpsTest {
  @Test
  void commentsSettingsRestrictLinesAndRepeatedBlankLinesGoTheRestStaysInOrder() {
    String dump = """
        --
        -- PostgreSQL database dump
        --

        \\restrict AbCdEf123
        -- Dumped from database version 15.20
        SET statement_timeout = 0;
        SELECT pg_catalog.set_config('search_path', '', false);


        CREATE TABLE public.b (
            id integer NOT NULL   \s
        );


        CREATE TABLE public.a (
            id integer -- not a comment line
        );

        \\unrestrict AbCdEf123

        """;
    assertEquals(List.of("CREATE TABLE public.b (", "    id integer NOT NULL", ");", "",
        "CREATE TABLE public.a (", "    id integer -- not a comment line", ");"),
        SchemaDumps.normalise(dump));
  }
}

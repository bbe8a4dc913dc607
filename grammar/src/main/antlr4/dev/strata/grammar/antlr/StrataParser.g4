/*
 * Parser of one statement of the neutral SQL subset (see docs/language.md). The file structure
 * (header, sections, directives) and the split into statements at ';' are done before, on the
 * token stream of StrataLexer; each statement is parsed alone with singleStatement.
 *
 * Expressions are not parsed into trees: expr and its variants match a run of tokens with
 * balanced parentheses and square brackets that ends, at depth 0, before the token that follows
 * it in the statement (',' or ')' or ';', and WHERE, FROM or a column-constraint keyword where
 * that applies).
 */
parser grammar StrataParser;

options { tokenVocab = StrataLexer; }

singleStatement : statement SEMI EOF ;

statement
  : CREATE TABLE (ifNotExists=IF NOT EXISTS)? table=qualifiedName
      LPAREN tableElement (COMMA tableElement)* RPAREN                        #createTable
  | DROP TABLE (ifExists=IF EXISTS)? table=qualifiedName dropBehavior?          #dropTable
  | ALTER TABLE (ifExists=IF EXISTS)? table=qualifiedName
      alterAction (COMMA alterAction)*                                         #alterTable
  | CREATE unique=UNIQUE? INDEX concurrently=CONCURRENTLY?
      (ifNotExists=IF NOT EXISTS)? name=identifier? ON table=qualifiedName
      (USING method=identifier)? LPAREN indexElement (COMMA indexElement)* RPAREN
      (INCLUDE include=identifierList)? (WHERE where=expr)?                    #createIndex
  | DROP INDEX concurrently=CONCURRENTLY? (ifExists=IF EXISTS)? index=qualifiedName
      dropBehavior?                                                            #dropIndex
  | CREATE SCHEMA (ifNotExists=IF NOT EXISTS)? schema=identifier                #createSchema
  | DROP SCHEMA (ifExists=IF EXISTS)? schema=identifier dropBehavior?           #dropSchema
  | INSERT INTO table=qualifiedName columns=identifierList? insertSource
      (onConflict=ON CONFLICT DO NOTHING)?                                     #insert
  | UPDATE table=qualifiedName SET assignment (COMMA assignment)*
      (WHERE where=expr)?                                                      #update
  | DELETE FROM table=qualifiedName (WHERE where=expr)?                         #delete
  | CREATE EXTENSION (ifNotExists=IF NOT EXISTS)? name=identifier WITH?
      (SCHEMA schema=identifier)? (VERSION version=(STRING | IDENTIFIER))?
      cascade=CASCADE?                                                         #createExtension
  | DROP EXTENSION (ifExists=IF EXISTS)? identifier (COMMA identifier)*
      dropBehavior?                                                            #dropExtension
  | CREATE (orReplace=OR REPLACE)? temporary=(TEMP | TEMPORARY)? recursive=RECURSIVE?
      VIEW view=qualifiedName columns=identifierList? (WITH options=relationOptions)?
      AS body=viewQuery                                                        #createView
  | DROP VIEW (ifExists=IF EXISTS)? qualifiedName (COMMA qualifiedName)*
      dropBehavior?                                                            #dropView
  | ALTER VIEW (ifExists=IF EXISTS)? view=qualifiedName change=viewChange       #alterView
  | CREATE MATERIALIZED VIEW (ifNotExists=IF NOT EXISTS)? view=qualifiedName
      columns=identifierList? (USING method=identifier)?
      (WITH options=relationOptions)? AS body=viewQuery                        #createMaterializedView
  | DROP MATERIALIZED VIEW (ifExists=IF EXISTS)? qualifiedName
      (COMMA qualifiedName)* dropBehavior?                                     #dropMaterializedView
  | ALTER MATERIALIZED VIEW (ifExists=IF EXISTS)? view=qualifiedName
      change=viewChange                                                        #alterMaterializedView
  | REFRESH MATERIALIZED VIEW concurrently=CONCURRENTLY? view=qualifiedName
      (WITH noData=NO? DATA)?                                                  #refreshMaterializedView
  | SET scope=(SESSION | LOCAL)? name=qualifiedName (TO | EQ) value=settingValue #setSetting
  | SET scope=(SESSION | LOCAL)? TIME ZONE value=settingValue                   #setTimeZone
  | RESET (name=qualifiedName | TIME ZONE)                                      #resetSetting
  ;

dropBehavior : cascade=CASCADE | RESTRICT ;

// ---- CREATE TABLE elements and column definitions

tableElement
  : columnDefinition                                                           #columnElement
  | tableConstraint                                                            #constraintElement
  ;

columnDefinition : name=identifier type=dataType columnConstraint* ;

columnConstraint : (CONSTRAINT name=identifier)? body=columnConstraintBody ;

columnConstraintBody
  : NOT NULL                                                                   #notNullColumn
  | NULL                                                                       #nullColumn
  | DEFAULT value=defaultExpr                                                  #defaultColumn
  | PRIMARY KEY                                                                #primaryKeyColumn
  | UNIQUE                                                                     #uniqueColumn
  | CHECK LPAREN condition=innerExpr RPAREN                                    #checkColumn
  | REFERENCES table=qualifiedName (LPAREN column=identifier RPAREN)?
      actions=referentialActions                                               #referencesColumn
  | GENERATED (always=ALWAYS | BY DEFAULT) AS IDENTITY                          #identityColumn
  ;

tableConstraint : (CONSTRAINT name=identifier)? body=tableConstraintBody ;

tableConstraintBody
  : PRIMARY KEY columns=identifierList                                         #primaryKeyTable
  | UNIQUE columns=identifierList                                              #uniqueTable
  | CHECK LPAREN condition=innerExpr RPAREN                                    #checkTable
  | FOREIGN KEY columns=identifierList REFERENCES table=qualifiedName
      referenced=identifierList? actions=referentialActions                    #foreignKeyTable
  ;

referentialActions
  : (ON DELETE onDelete=referentialAction)? (ON UPDATE onUpdate=referentialAction)?
  | ON UPDATE onUpdate=referentialAction ON DELETE onDelete=referentialAction
  ;

referentialAction
  : NO ACTION                                                                  #noAction
  | RESTRICT                                                                   #restrictAction
  | CASCADE                                                                    #cascadeAction
  | SET NULL                                                                   #setNullAction
  | SET DEFAULT                                                                #setDefaultAction
  ;

// ---- ALTER TABLE actions

alterAction
  : ADD COLUMN? (ifNotExists=IF NOT EXISTS)? column=columnDefinition            #addColumn
  | ADD constraint=tableConstraint                                             #addConstraint
  | DROP COLUMN? (ifExists=IF EXISTS)? column=identifier dropBehavior?          #dropColumn
  | DROP CONSTRAINT (ifExists=IF EXISTS)? name=identifier dropBehavior?         #dropConstraint
  | RENAME COLUMN? from=identifier TO to=identifier                             #renameColumn
  | RENAME TO newName=identifier                                               #renameTable
  | ALTER COLUMN? column=identifier change=columnChange                         #alterColumn
  ;

columnChange
  : (SET DATA)? TYPE type=dataType (USING using=expr)?                          #changeType
  | SET DEFAULT value=expr                                                     #setDefault
  | DROP DEFAULT                                                               #dropDefault
  | SET NOT NULL                                                               #setNotNull
  | DROP NOT NULL                                                              #dropNotNull
  ;

// ---- CREATE INDEX, INSERT, UPDATE

indexElement
  : column=identifier order=sortOrder?                                         #columnKey
  | LPAREN expression=innerExpr RPAREN order=sortOrder?                        #expressionKey
  | function=qualifiedName LPAREN innerExpr? RPAREN order=sortOrder?           #functionKey
  ;

sortOrder : ASC | DESC ;

insertSource
  : VALUES valuesRow (COMMA valuesRow)*                                        #valuesSource
  | query                                                                      #querySource
  ;

valuesRow : LPAREN expr (COMMA expr)* RPAREN ;

query
  : SELECT (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI | CONFLICT | RETURNING))*
  ;

assignment : column=identifier EQ value=assignedExpr ;

// ---- views and session settings

/** {@code (name [= value], ...)} of CREATE VIEW / MATERIALIZED VIEW ... WITH, values as written. */
relationOptions : LPAREN relationOption (COMMA relationOption)* RPAREN ;

relationOption : key=qualifiedName (EQ value=optionValue)? ;

optionValue : ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | SEMI)+ ;

viewChange
  : RENAME TO newName=identifier                                               #renameView
  | RENAME COLUMN? from=identifier TO to=identifier                             #renameViewColumn
  | SET SCHEMA schema=identifier                                               #setViewSchema
  ;

/**
 * The query of a view, kept as source text: a run to the end of the statement. A trailing WITH
 * [CASCADED | LOCAL] CHECK OPTION or WITH [NO] DATA is split off by the builder, not here, so that
 * the query's own WITH (a CTE, WITH ORDINALITY, ...) never has to be told apart by lookahead.
 */
viewQuery
  : (SELECT | WITH | VALUES | TABLE | balanced)
      (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI))*
  ;

/** A setting's value as written: a list, a quoted string, a word, a number or DEFAULT. */
settingValue : (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI))+ ;

// ---- column types

dataType
  : (SMALLINT | INT2)                                                          #smallintType
  | (INTEGER | INT | INT4)                                                     #integerType
  | (BIGINT | INT8)                                                            #bigintType
  | (NUMERIC | DECIMAL) (LPAREN precision=INTEGER_VALUE
      (COMMA scale=INTEGER_VALUE)? RPAREN)?                                    #numericType
  | REAL                                                                       #realType
  | DOUBLE PRECISION                                                           #doubleType
  | (VARCHAR | CHARACTER VARYING) (LPAREN length=INTEGER_VALUE RPAREN)?        #varcharType
  | (CHAR | CHARACTER) (LPAREN length=INTEGER_VALUE RPAREN)?                   #charType
  | TEXT                                                                       #textType
  | (BOOLEAN | BOOL)                                                           #booleanType
  | DATE                                                                       #dateType
  | TIME (LPAREN precision=INTEGER_VALUE RPAREN)? (WITHOUT TIME ZONE)?         #timeType
  | TIMESTAMP (LPAREN precision=INTEGER_VALUE RPAREN)?
      (withTimeZone=WITH TIME ZONE | WITHOUT TIME ZONE)?                       #timestampType
  | TIMESTAMPTZ (LPAREN precision=INTEGER_VALUE RPAREN)?                       #timestamptzType
  | INTERVAL                                                                   #intervalType
  | JSON                                                                       #jsonType
  | JSONB                                                                      #jsonbType
  | UUID                                                                       #uuidType
  | BYTEA                                                                      #byteaType
  ;

// ---- names

qualifiedName : first=identifier (DOT second=identifier)? ;

identifierList : LPAREN identifier (COMMA identifier)* RPAREN ;

identifier : IDENTIFIER | QUOTED_IDENTIFIER | nonReserved ;

/** Keywords that may still name a table, column, index or schema. */
nonReserved
  : ACTION | ALWAYS | BY | CASCADE | CONFLICT | DATA | DELETE | EXTENSION | GENERATED | IDENTITY
  | INCLUDE | INDEX | INSERT | KEY | NO | NOTHING | RESTRICT | SCHEMA | TYPE | UPDATE | VERSION
  | WITHOUT | ZONE
  | CASCADED | LOCAL | MATERIALIZED | OPTION | RECURSIVE | REFRESH | REPLACE | RESET | SESSION
  | TEMP | TEMPORARY | VIEW
  | BIGINT | BOOL | BOOLEAN | BYTEA | CHAR | CHARACTER | DATE | DECIMAL | DOUBLE | INT | INT2
  | INT4 | INT8 | INTEGER | INTERVAL | JSON | JSONB | NUMERIC | PRECISION | REAL | SMALLINT
  | TEXT | TIME | TIMESTAMP | TIMESTAMPTZ | UUID | VARCHAR | VARYING
  ;

// ---- expressions, kept as source text

/**
 * A run ending before ',' ')' or ';' (WHERE predicates, USING, SET DEFAULT, VALUES items).
 * RETURNING is excluded everywhere so that "... RETURNING x" is an error, not part of a predicate.
 */
expr : (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | SEMI | RETURNING))+ ;

/** The value of UPDATE ... SET c = value: also ends before WHERE or FROM. */
assignedExpr
  : (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | SEMI | WHERE | FROM | RETURNING))+
  ;

/** A column DEFAULT: ends before the next column constraint (as PostgreSQL's b_expr does). */
defaultExpr : (NULL | defaultToken) defaultToken* ;

defaultToken
  : balanced
  | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | SEMI | NOT | NULL | CONSTRAINT | DEFAULT
      | PRIMARY | UNIQUE | CHECK | REFERENCES | GENERATED | RETURNING)
  ;

/** The content of parentheses: anything balanced, commas included. */
innerExpr : (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI))+ ;

/**
 * Parentheses or square brackets (ARRAY[...], subscripts a[1], slices a[1:2]) around anything
 * balanced, commas included. The statement parser refuses nesting deeper than its limit (E0125)
 * before this rule recurses, so the recursion is bounded.
 */
balanced
  : LPAREN (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI))* RPAREN
  | LBRACKET (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI))* RBRACKET
  ;

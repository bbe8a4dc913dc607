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
  : CREATE unlogged=UNLOGGED? TABLE (ifNotExists=IF NOT EXISTS)? table=qualifiedName
      LPAREN tableElement (COMMA tableElement)* RPAREN
      partitionBy? (WITH options=storageParameters)?                           #createTable
  | CREATE unlogged=UNLOGGED? TABLE (ifNotExists=IF NOT EXISTS)? table=qualifiedName
      PARTITION OF parent=qualifiedName
      (LPAREN tableConstraint (COMMA tableConstraint)* RPAREN)? bound=partitionBound
      partitionBy? (WITH options=storageParameters)?                           #createPartition
  | CREATE unlogged=UNLOGGED? TABLE (ifNotExists=IF NOT EXISTS)? table=qualifiedName
      (WITH options=storageParameters)? AS select=tableQuery
      (WITH noData=NO? DATA)?                                                  #createTableAs
  | DROP TABLE (ifExists=IF EXISTS)? qualifiedName (COMMA qualifiedName)*
      dropBehavior?                                                            #dropTable
  | ALTER TABLE (ifExists=IF EXISTS)? only=ONLY? table=qualifiedName
      alterAction (COMMA alterAction)*                                         #alterTable
  | CREATE unique=UNIQUE? INDEX concurrently=CONCURRENTLY?
      (ifNotExists=IF NOT EXISTS)? name=identifier? ON only=ONLY? table=qualifiedName
      (USING method=identifier)? LPAREN indexElement (COMMA indexElement)* RPAREN
      (INCLUDE include=identifierList)? (nullsNotDistinct=NULLS NOT DISTINCT)?
      (WITH options=storageParameters)? (WHERE where=expr)?                    #createIndex
  | DROP INDEX concurrently=CONCURRENTLY? (ifExists=IF EXISTS)? qualifiedName
      (COMMA qualifiedName)* dropBehavior?                                     #dropIndex
  | ALTER INDEX (ifExists=IF EXISTS)? index=qualifiedName
      RENAME TO newName=identifier                                             #renameIndex
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
  | PRIMARY KEY attributes=constraintAttributes                                #primaryKeyColumn
  | UNIQUE attributes=constraintAttributes                                     #uniqueColumn
  | CHECK LPAREN condition=innerExpr RPAREN                                    #checkColumn
  | REFERENCES table=qualifiedName (LPAREN column=identifier RPAREN)?
      match=matchType? actions=referentialActions
      attributes=constraintAttributes                                          #referencesColumn
  | GENERATED (always=ALWAYS | BY DEFAULT) AS IDENTITY                          #identityColumn
  ;

tableConstraint : (CONSTRAINT name=identifier)? body=tableConstraintBody ;

tableConstraintBody
  : PRIMARY KEY columns=identifierList attributes=constraintAttributes         #primaryKeyTable
  | UNIQUE (nullsNotDistinct=NULLS NOT DISTINCT)? columns=identifierList
      attributes=constraintAttributes                                          #uniqueTable
  | CHECK LPAREN condition=innerExpr RPAREN attributes=constraintAttributes    #checkTable
  | FOREIGN KEY columns=identifierList REFERENCES table=qualifiedName
      referenced=identifierList? match=matchType? actions=referentialActions
      attributes=constraintAttributes                                          #foreignKeyTable
  | (primaryKey=PRIMARY KEY | UNIQUE) USING INDEX index=identifier
      attributes=constraintAttributes                                          #usingIndexTable
  | EXCLUDE (USING method=identifier)?
      LPAREN exclusionElement (COMMA exclusionElement)* RPAREN
      (INCLUDE include=identifierList)? (WITH options=storageParameters)?
      (WHERE LPAREN where=innerExpr RPAREN)? attributes=constraintAttributes    #excludeTable
  ;

/** One key of an EXCLUDE constraint and the operator rows must not share: room WITH =. */
exclusionElement : key=indexElement WITH operator=exclusionOperator ;

exclusionOperator : (EQ | OPERATOR)+ ;

/** MATCH FULL | MATCH SIMPLE (PostgreSQL has no MATCH PARTIAL yet). */
matchType : MATCH (full=FULL | SIMPLE) ;

/**
 * DEFERRABLE, NOT DEFERRABLE, INITIALLY DEFERRED|IMMEDIATE and NOT VALID, in any order, as
 * PostgreSQL's ConstraintAttributeSpec; which ones a constraint takes is checked when building it.
 */
constraintAttributes : constraintAttribute* ;

constraintAttribute
  : DEFERRABLE                                                                 #deferrableAttribute
  | NOT DEFERRABLE                                                             #notDeferrableAttribute
  | INITIALLY (deferred=DEFERRED | IMMEDIATE)                                  #initiallyAttribute
  | NOT VALID                                                                  #notValidAttribute
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
  | RENAME CONSTRAINT from=identifier TO to=identifier                         #renameConstraint
  | ALTER CONSTRAINT name=identifier attributes=constraintAttributes           #alterConstraint
  | VALIDATE CONSTRAINT name=identifier                                        #validateConstraint
  | ATTACH PARTITION partition=qualifiedName bound=partitionBound              #attachPartition
  | DETACH PARTITION partition=qualifiedName                                   #detachPartition
  | SET SCHEMA schema=identifier                                               #setSchema
  ;

// ---- partitioning, storage parameters, CREATE TABLE ... AS

/** PARTITION BY strategy (keys): the strategy is a word (RANGE, LIST, HASH), as in gram.y. */
partitionBy : PARTITION BY strategy=identifier LPAREN indexElement (COMMA indexElement)* RPAREN ;

partitionBound
  : FOR VALUES IN LPAREN expr (COMMA expr)* RPAREN                             #listBound
  | FOR VALUES FROM LPAREN from+=expr (COMMA from+=expr)* RPAREN
      TO LPAREN to+=expr (COMMA to+=expr)* RPAREN                              #rangeBound
  | FOR VALUES WITH LPAREN hashBoundItem (COMMA hashBoundItem)* RPAREN         #hashBound
  | DEFAULT                                                                    #defaultBound
  ;

/** MODULUS m or REMAINDER r: words, not keywords, as in gram.y. */
hashBoundItem : name=identifier value=INTEGER_VALUE ;

/** (name [= value], ...): a storage parameter may have a namespace (toast.autovacuum_enabled). */
storageParameters : LPAREN storageParameter (COMMA storageParameter)* RPAREN ;

storageParameter : name=qualifiedName (EQ value=expr)? ;

/** The query of CREATE TABLE ... AS, kept as text: it ends before a WITH [NO] DATA. */
tableQuery
  : (WITH | SELECT | VALUES | TABLE)
      (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI | WITH))*
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
  : column=identifier options=keyOptions                                       #columnKey
  | LPAREN expression=innerExpr RPAREN options=keyOptions                      #expressionKey
  | function=qualifiedName LPAREN innerExpr? RPAREN options=keyOptions         #functionKey
  ;

/** COLLATE, operator class (with parameters), order and NULLS order of an index key. */
keyOptions
  : (COLLATE collation=qualifiedName)?
    (opclass=qualifiedName opclassParameters=storageParameters?)?
    order=sortOrder? (NULLS (first=FIRST | LAST))?
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
  | ATTACH | DEFERRED | DETACH | FIRST | IMMEDIATE | LAST | MATCH | OF | PARTITION | SIMPLE
  | UNLOGGED | VALID | VALIDATE
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

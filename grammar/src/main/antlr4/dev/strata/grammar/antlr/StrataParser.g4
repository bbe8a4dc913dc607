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
  ;

dropBehavior : cascade=CASCADE | RESTRICT ;

// ---- CREATE TABLE elements and column definitions

tableElement
  : columnDefinition                                                           #columnElement
  | tableConstraint                                                            #constraintElement
  ;

columnDefinition
  : name=identifier type=dataType (COLLATE collation=qualifiedName)? columnConstraint*
  ;

columnConstraint : (CONSTRAINT name=identifier)? body=columnConstraintBody ;

columnConstraintBody
  : NOT NULL                                                                   #notNullColumn
  | NULL                                                                       #nullColumn
  | DEFAULT value=defaultExpr                                                  #defaultColumn
  | GENERATED ALWAYS AS LPAREN generation=innerExpr RPAREN stored=STORED?       #generatedColumn
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
  : (SET DATA)? TYPE type=dataType (COLLATE collation=qualifiedName)?
      (USING using=expr)?                                                      #changeType
  | SET DEFAULT value=expr                                                     #setDefault
  | DROP DEFAULT                                                               #dropDefault
  | SET NOT NULL                                                               #setNotNull
  | DROP NOT NULL                                                              #dropNotNull
  | DROP EXPRESSION (ifExists=IF EXISTS)?                                      #dropExpression
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

// ---- column types

/**
 * A column type: a built-in or named type, then optionally array bounds ([] [n] ..., or ARRAY
 * [n], as PostgreSQL's gram.y Typename; the sizes are kept by PostgreSQL only as syntax).
 */
dataType
  : element=baseType (arrayBound+ | array=ARRAY (LBRACKET INTEGER_VALUE RBRACKET)?)?
  ;

arrayBound : LBRACKET INTEGER_VALUE? RBRACKET ;

/**
 * The built-in types with keywords of their own, then any other name (namedType): PostgreSQL's
 * other built-in types (inet, serial, ...), which the tree builder recognises by name, and
 * user-defined types (enums, domains, extension types). A namedType never starts with a type
 * keyword (typeIdentifier), so no input matches two alternatives.
 */
baseType
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
  | TIME (LPAREN precision=INTEGER_VALUE RPAREN)?
      (withTimeZone=WITH TIME ZONE | WITHOUT TIME ZONE)?                       #timeType
  | TIMESTAMP (LPAREN precision=INTEGER_VALUE RPAREN)?
      (withTimeZone=WITH TIME ZONE | WITHOUT TIME ZONE)?                       #timestampType
  | TIMESTAMPTZ (LPAREN precision=INTEGER_VALUE RPAREN)?                       #timestamptzType
  | INTERVAL (LPAREN precision=INTEGER_VALUE RPAREN)?                          #intervalType
  | JSON                                                                       #jsonType
  | JSONB                                                                      #jsonbType
  | UUID                                                                       #uuidType
  | BYTEA                                                                      #byteaType
  | BIT (LPAREN length=INTEGER_VALUE RPAREN)?                                  #bitType
  | BIT VARYING (LPAREN length=INTEGER_VALUE RPAREN)?                          #varbitType
  | first=typeIdentifier (DOT second=identifier)?
      (LPAREN typeModifier (COMMA typeModifier)* RPAREN)?                      #namedType
  ;

/** A type modifier of a named type, e.g. vector(1536), geometry(Point, 4326). */
typeModifier : INTEGER_VALUE | STRING | identifier ;

// ---- names

qualifiedName : first=identifier (DOT second=identifier)? ;

identifierList : LPAREN identifier (COMMA identifier)* RPAREN ;

identifier : IDENTIFIER | QUOTED_IDENTIFIER | nonReserved | typeKeyword ;

/** An identifier that is not a type keyword: the first name of a namedType. */
typeIdentifier : IDENTIFIER | QUOTED_IDENTIFIER | nonReserved ;

/** Keywords that may still name a table, column, index or schema. */
nonReserved
  : ACTION | ALWAYS | BY | CASCADE | CONFLICT | DATA | DELETE | EXTENSION | GENERATED | IDENTITY
  | INCLUDE | INDEX | INSERT | KEY | NO | NOTHING | RESTRICT | SCHEMA | TYPE | UPDATE | VERSION
  | WITHOUT | ZONE
  | EXPRESSION | STORED
  ;

/** The keywords of built-in types, which may also name a table, column, index or schema. */
typeKeyword
  : BIGINT | BIT | BOOL | BOOLEAN | BYTEA | CHAR | CHARACTER | DATE | DECIMAL | DOUBLE | INT | INT2
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

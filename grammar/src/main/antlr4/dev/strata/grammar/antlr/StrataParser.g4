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
  | with=withClause? INSERT INTO table=qualifiedName (AS alias=identifier)?
      columns=identifierList? (OVERRIDING overriding=(SYSTEM | USER) VALUE)? insertSource
      onConflict? returning?                                                   #insert
  | with=withClause? UPDATE table=qualifiedName alias=tableAlias?
      SET assignment (COMMA assignment)* (FROM from=fromList)? (WHERE where=expr)?
      returning?                                                               #update
  | with=withClause? DELETE FROM table=qualifiedName alias=tableAlias?
      (USING using=fromList)? (WHERE where=expr)? returning?                   #delete
  | with=withClause? select=selectQuery                                        #select
  | TRUNCATE TABLE? truncateTarget (COMMA truncateTarget)*
      (identity=(RESTART | CONTINUE) IDENTITY)? dropBehavior?                  #truncate
  | CREATE EXTENSION (ifNotExists=IF NOT EXISTS)? name=identifier WITH?
      (SCHEMA schema=identifier)? (VERSION version=(STRING | IDENTIFIER))?
      cascade=CASCADE?                                                         #createExtension
  | DROP EXTENSION (ifExists=IF EXISTS)? identifier (COMMA identifier)*
      dropBehavior?                                                            #dropExtension
  | CREATE TYPE type=qualifiedName AS ENUM
      LPAREN (enumValue+=STRING (COMMA enumValue+=STRING)*)? RPAREN              #createEnumType
  | CREATE TYPE type=qualifiedName AS LPAREN innerExpr? RPAREN                  #createCompositeType
  | ALTER TYPE type=qualifiedName ADD VALUE (ifNotExists=IF NOT EXISTS)? value=STRING
      (position=(BEFORE | AFTER) neighbor=STRING)?                             #addEnumValue
  | ALTER TYPE type=qualifiedName RENAME VALUE from=STRING TO to=STRING          #renameEnumValue
  | ALTER TYPE type=qualifiedName RENAME TO newName=identifier                  #renameType
  | DROP TYPE (ifExists=IF EXISTS)? qualifiedName (COMMA qualifiedName)*
      dropBehavior?                                                            #dropType
  | CREATE DOMAIN domain=qualifiedName AS? innerExpr                            #createDomain
  | DROP DOMAIN (ifExists=IF EXISTS)? qualifiedName (COMMA qualifiedName)*
      dropBehavior?                                                            #dropDomain
  | CREATE SEQUENCE (ifNotExists=IF NOT EXISTS)? sequence=qualifiedName
      sequenceOption*                                                          #createSequence
  | ALTER SEQUENCE (ifExists=IF EXISTS)? sequence=qualifiedName sequenceOption+ #alterSequence
  | ALTER SEQUENCE (ifExists=IF EXISTS)? sequence=qualifiedName
      RENAME TO newName=identifier                                             #renameSequence
  | DROP SEQUENCE (ifExists=IF EXISTS)? qualifiedName (COMMA qualifiedName)*
      dropBehavior?                                                            #dropSequence
  | COMMENT_KW ON target=commentTarget IS (text=STRING | NULL)                  #comment
  // PostgreSQL-only statements (functions, triggers, DO, CALL, row-level security, privileges,
  // roles, owners, and statements PostgreSQL runs only outside a transaction): the names they
  // name are parsed, the rest is kept as written
  | CREATE (orReplace=OR REPLACE)? routine=(FUNCTION | PROCEDURE) name=qualifiedName
      routineParameters routineClause*                                         #createRoutine
  | DROP routine=(FUNCTION | PROCEDURE) (ifExists=IF EXISTS)?
      routineSignature (COMMA routineSignature)* dropBehavior?                 #dropRoutine
  | ALTER ownedObject OWNER TO owner=identifier                                #alterOwner
  | ALTER TABLE (ifExists=IF EXISTS)? table=qualifiedName OWNER TO owner=identifier #alterTableOwner
  | ALTER routine=(FUNCTION | PROCEDURE) routineSignature change=words          #alterRoutine
  | CREATE (orReplace=OR REPLACE)? constraint=CONSTRAINT? TRIGGER name=identifier
      timing=triggerTiming triggerEvent (OR triggerEvent)* ON table=qualifiedName
      triggerOption* EXECUTE (FUNCTION | PROCEDURE) function=qualifiedName
      LPAREN arguments=innerExpr? RPAREN                                       #createTrigger
  | DROP TRIGGER (ifExists=IF EXISTS)? name=identifier ON table=qualifiedName
      dropBehavior?                                                            #dropTrigger
  | ALTER TRIGGER name=identifier ON table=qualifiedName RENAME TO newName=identifier #renameTrigger
  | ALTER TABLE (ifExists=IF EXISTS)? table=qualifiedName
      (enable=ENABLE replica=(ALWAYS | IDENTIFIER)? | DISABLE) TRIGGER
      (all=ALL | user=USER | trigger=identifier)                               #switchTrigger
  | ALTER TABLE (ifExists=IF EXISTS)? table=qualifiedName
      (security=(ENABLE | DISABLE | FORCE) | noForce=NO FORCE) ROW LEVEL SECURITY #rowSecurity
  | DO (LANGUAGE before=languageName)? body=routineBody
      (LANGUAGE after=languageName)?                                           #doBlock
  | CALL procedure=qualifiedName LPAREN (expr (COMMA expr)*)? RPAREN            #call
  | CREATE POLICY name=identifier ON table=qualifiedName (AS permissive=identifier)?
      (FOR command=(ALL | SELECT | INSERT | UPDATE | DELETE))? (TO roleList)?
      (USING LPAREN using=innerExpr RPAREN)? (WITH CHECK LPAREN check=innerExpr RPAREN)? #createPolicy
  | ALTER POLICY name=identifier ON table=qualifiedName change=words           #alterPolicy
  | DROP POLICY (ifExists=IF EXISTS)? name=identifier ON table=qualifiedName
      dropBehavior?                                                            #dropPolicy
  | GRANT privilege (COMMA privilege)* ON privilegeObject (COMMA privilegeObject)*
      TO roleList (grantOption=WITH GRANT OPTION)?                             #grantPrivileges
  | GRANT granted=roleList TO grantees=roleList (WITH option=identifier OPTION)? #grantRole
  | REVOKE (grantOption=GRANT OPTION FOR)? privilege (COMMA privilege)*
      ON privilegeObject (COMMA privilegeObject)* FROM roleList dropBehavior?  #revokePrivileges
  | REVOKE (option=identifier OPTION FOR)? revoked=roleList FROM grantees=roleList
      dropBehavior?                                                            #revokeRole
  | ALTER DEFAULT PRIVILEGES change=words                                      #alterDefaultPrivileges
  | CREATE ROLE name=identifier settings=words?                                 #createRole
  | ALTER ROLE name=identifier change=words                                    #alterRole
  | DROP ROLE (ifExists=IF EXISTS)? identifier (COMMA identifier)*             #dropRole
  | CREATE DATABASE name=identifier settings=words?                             #createDatabase
  | DROP DATABASE (ifExists=IF EXISTS)? name=identifier settings=words?         #dropDatabase
  | ALTER SYSTEM change=words                                                  #alterSystem
  | VACUUM arguments=words?                                                    #vacuum
  | ANALYZE arguments=words?                                                   #analyze
  | REINDEX arguments=words                                                    #reindex
  | LOCK TABLE? qualifiedName (COMMA qualifiedName)* lockMode=words?               #lock
  | NOTIFY channel=identifier (COMMA payload=STRING)?                          #notify
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
  | RESET (all=ALL | name=qualifiedName | TIME ZONE)                            #resetSetting
  ;

dropBehavior : cascade=CASCADE | RESTRICT ;

// ---- CREATE TABLE elements and column definitions

tableElement
  : columnDefinition                                                           #columnElement
  | tableConstraint                                                            #constraintElement
  ;

columnDefinition
  : name=identifier type=dataType (COLLATE collations+=qualifiedName | columnConstraint)*
  ;

columnConstraint : (CONSTRAINT name=identifier)? body=columnConstraintBody ;

columnConstraintBody
  : NOT NULL                                                                   #notNullColumn
  | NULL                                                                       #nullColumn
  | DEFAULT value=defaultExpr                                                  #defaultColumn
  | GENERATED ALWAYS AS LPAREN generation=innerExpr RPAREN stored=STORED?       #generatedColumn
  | PRIMARY KEY attributes=constraintAttributes                                #primaryKeyColumn
  | UNIQUE attributes=constraintAttributes                                     #uniqueColumn
  | CHECK LPAREN condition=innerExpr RPAREN                                    #checkColumn
  | REFERENCES table=qualifiedName (LPAREN column=identifier RPAREN)?
      match=matchType? actions=referentialActions
      attributes=constraintAttributes                                          #referencesColumn
  | GENERATED (always=ALWAYS | BY DEFAULT) AS IDENTITY
      (LPAREN sequenceOption+ RPAREN)?                                         #identityColumn
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

/** {@code =}, {@code &&}, ... or PostgreSQL's {@code OPERATOR(schema.op)} form. */
exclusionOperator : (EQ | OPERATOR)+ | word=IDENTIFIER balanced ;

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
  : (SET DATA)? TYPE type=dataType (COLLATE collation=qualifiedName)?
      (USING using=expr)?                                                      #changeType
  | SET DEFAULT value=expr                                                     #setDefault
  | DROP DEFAULT                                                               #dropDefault
  | SET NOT NULL                                                               #setNotNull
  | DROP NOT NULL                                                              #dropNotNull
  | ADD GENERATED (always=ALWAYS | BY DEFAULT) AS IDENTITY
      (LPAREN sequenceOption+ RPAREN)?                                         #addIdentity
  | identityChange+                                                            #alterIdentity
  | DROP IDENTITY (ifExists=IF EXISTS)?                                         #dropIdentity
  | DROP EXPRESSION (ifExists=IF EXISTS)?                                      #dropExpression
  ;

/** One change of an identity column, as PostgreSQL's alter_identity_column_option. */
identityChange
  : SET GENERATED (always=ALWAYS | BY DEFAULT)                                  #setGenerated
  | SET option=sequenceOption                                                  #setIdentityOption
  | RESTART (WITH? value=signedInteger)?                                       #restartIdentity
  ;

// ---- sequences and identity columns

/**
 * One option of CREATE/ALTER SEQUENCE or of an identity column, in any order (as PostgreSQL's
 * SeqOptElem); which options a statement allows is checked when the tree is built.
 */
sequenceOption
  : AS type=(SMALLINT | INT2 | INTEGER | INT | INT4 | BIGINT | INT8)           #sequenceAs
  | INCREMENT BY? value=signedInteger                                          #sequenceIncrement
  | MINVALUE value=signedInteger                                               #sequenceMinValue
  | NO MINVALUE                                                                #sequenceNoMinValue
  | MAXVALUE value=signedInteger                                               #sequenceMaxValue
  | NO MAXVALUE                                                                #sequenceNoMaxValue
  | START WITH? value=signedInteger                                            #sequenceStart
  | RESTART (WITH? value=signedInteger)?                                       #sequenceRestart
  | CACHE value=signedInteger                                                  #sequenceCache
  | no=NO? CYCLE                                                               #sequenceCycle
  | OWNED BY (NONE | column=columnReference)                                  #sequenceOwnedBy
  | SEQUENCE NAME name=qualifiedName                                           #sequenceName
  ;

/** {@code table.column} or {@code schema.table.column}. */
columnReference : first=identifier DOT second=identifier (DOT third=identifier)? ;

/** An integer with an optional sign (the sign is an OPERATOR token, checked when built). */
signedInteger : sign=OPERATOR? INTEGER_VALUE ;

// ---- COMMENT ON

commentTarget
  : kind=(TABLE | INDEX | VIEW | SEQUENCE | TYPE | DOMAIN) object=qualifiedName  #commentOnObject
  | MATERIALIZED VIEW object=qualifiedName                                     #commentOnMaterializedView
  | kind=(SCHEMA | EXTENSION) name=identifier                                  #commentOnNamed
  | COLUMN column=columnReference                                             #commentOnColumn
  | kind=(FUNCTION | PROCEDURE) object=qualifiedName
      (LPAREN arguments=innerExpr? RPAREN)?                                    #commentOnRoutine
  | kind=(TRIGGER | CONSTRAINT | POLICY) name=identifier ON table=qualifiedName   #commentOnTableObject
  ;

// ---- CREATE INDEX, INSERT

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
  | LPAREN query RPAREN                                                        #parenthesizedQuerySource
  | DEFAULT VALUES                                                             #defaultValuesSource
  ;

valuesRow : LPAREN expr (COMMA expr)* RPAREN ;

query
  : SELECT (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI | CONFLICT | RETURNING))*
  ;

// ---- data-changing statements: WITH, aliases, FROM/USING lists, SET items, ON CONFLICT

/** {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (body) [, ...]} */
withClause : WITH recursive=RECURSIVE? commonTableExpression (COMMA commonTableExpression)* ;

commonTableExpression
  : name=identifier columns=identifierList? AS (not=NOT? materialized=MATERIALIZED)?
      LPAREN body=innerExpr RPAREN
  ;

/** A standalone query: everything up to the ';' (RETURNING has no meaning here). */
selectQuery : SELECT (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI))* ;

tableAlias : AS? name=identifier ;

/** The FROM list of UPDATE, the USING list of DELETE: ends before WHERE, RETURNING or ';'. */
fromList : (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | SEMI | WHERE | RETURNING))+ ;

returning : RETURNING items=innerExpr ;

truncateTarget : only=ONLY? table=qualifiedName ;

assignment
  : column=identifier EQ value=assignedValue                                   #columnAssignment
  | columns=identifierList EQ LPAREN query RPAREN                              #rowQueryAssignment
  | columns=identifierList EQ row=identifier? LPAREN assignedValue (COMMA assignedValue)* RPAREN
                                                                               #rowAssignment
  ;

assignedValue : DEFAULT | assignedExpr ;

onConflict : ON CONFLICT target=conflictTarget? DO action=conflictAction ;

conflictTarget
  : LPAREN conflictKey (COMMA conflictKey)* RPAREN (WHERE where=conflictPredicate)? #keysTarget
  | ON CONSTRAINT name=identifier                                              #constraintTarget
  ;

conflictKey
  : column=identifier                                                          #columnConflictKey
  | LPAREN innerExpr RPAREN                                                    #expressionConflictKey
  | function=qualifiedName LPAREN innerExpr? RPAREN                            #functionConflictKey
  ;

/** The predicate of an ON CONFLICT target: ends before DO (reserved in PostgreSQL). */
conflictPredicate
  : (balanced | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | COMMA | SEMI | DO | RETURNING))+
  ;

conflictAction
  : NOTHING                                                                    #doNothing
  | UPDATE SET assignment (COMMA assignment)* (WHERE where=expr)?              #doUpdate
  ;

// ---- PostgreSQL-only statements

/** {@code ([mode] [name] type [DEFAULT value], ...)}: each parameter's words are split in Java. */
routineParameters : LPAREN (routineParameter (COMMA routineParameter)*)? RPAREN ;

routineParameter : routineParameterWord+ ((DEFAULT | EQ) value=expr)? ;

routineParameterWord
  : balanced
  | ~(COMMA | SEMI | LPAREN | RPAREN | LBRACKET | RBRACKET | DEFAULT | EQ)
  ;

/** A function named for DROP or ALTER: its parameters are optional when the name is unique. */
routineSignature : name=qualifiedName routineParameters? ;

/**
 * One clause of CREATE FUNCTION, in any order. The return type and the options are runs of words
 * split in Java, at the words that start an option (IMMUTABLE, STRICT, SECURITY, SET, ...).
 */
routineClause
  : RETURNS TABLE LPAREN routineParameter (COMMA routineParameter)* RPAREN     #returnsTable
  | RETURNS returnType=routineWords                                            #returnsType
  | LANGUAGE language=languageName                                             #routineLanguage
  | AS body=routineBody (COMMA symbol=STRING)?                                 #routineAs
  | routineWords                                                               #routineOptions
  ;

routineWords
  : (balanced | ~(RETURNS | LANGUAGE | AS | SEMI | LPAREN | RPAREN | LBRACKET | RBRACKET))+
  ;

routineBody : STRING | ESCAPE_STRING | DOLLAR_STRING ;

languageName : identifier | STRING ;

triggerTiming : BEFORE | AFTER | INSTEAD OF ;

triggerEvent
  : INSERT
  | UPDATE (OF identifier (COMMA identifier)*)?
  | DELETE
  | TRUNCATE
  ;

triggerOption
  : FROM referenced=qualifiedName                                              #triggerFrom
  | (NOT? DEFERRABLE | INITIALLY (DEFERRED | IMMEDIATE))                        #triggerDeferrable
  | REFERENCING ((OLD | NEW) (TABLE | ROW) AS? identifier)+                     #triggerReferencing
  | FOR EACH? level=(ROW | STATEMENT)                                          #triggerLevel
  | WHEN LPAREN condition=innerExpr RPAREN                                     #triggerWhen
  ;

/**
 * What ALTER ... OWNER TO names: its kind of object and its name, split in Java. Not TABLE, which
 * has its own alternative so that an ALTER TABLE without a valid action gets ALTER TABLE's errors.
 */
ownedObject
  : ~(TABLE | OWNER | SEMI | LPAREN | RPAREN | LBRACKET | RBRACKET)
    (balanced | ~(OWNER | SEMI | LPAREN | RPAREN | LBRACKET | RBRACKET))*
  ;

/** A privilege of GRANT and REVOKE, e.g. SELECT, UPDATE (a, b), ALL PRIVILEGES. */
privilege
  : (~(ON | TO | FROM | COMMA | SEMI | LPAREN | RPAREN | LBRACKET | RBRACKET))+ identifierList?
  ;

/** One object of GRANT ... ON, the first one preceded by its kind (TABLE, ALL TABLES IN SCHEMA). */
privilegeObject
  : (balanced | ~(TO | FROM | COMMA | SEMI | LPAREN | RPAREN | LBRACKET | RBRACKET))+
  ;

roleList : identifier (COMMA identifier)* ;

/** The rest of a statement, kept as written. */
words : (balanced | ~(SEMI | LPAREN | RPAREN | LBRACKET | RBRACKET))+ ;

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
  | AFTER | ATTACH | BEFORE | CACHE | CALL | CASCADED | COMMENT_KW | CONTINUE | CYCLE | DATABASE
  | DEFERRED | DETACH | DISABLE | DOMAIN | EACH | ENABLE | ENUM | EXECUTE | EXPRESSION | FIRST
  | FORCE | FUNCTION | IMMEDIATE | INCREMENT | INSTEAD | LANGUAGE | LAST | LEVEL | LOCAL | LOCK
  | MATCH | MATERIALIZED | MAXVALUE | MINVALUE | NAME | NEW | NONE | NOTIFY | OF | OLD | OPTION
  | OVERRIDING | OWNED | OWNER | PARTITION | POLICY | PRIVILEGES | PROCEDURE | RECURSIVE
  | REFERENCING | REFRESH | REINDEX | REPLACE | RESET | RESTART | RETURNS | REVOKE | ROLE | ROW
  | SECURITY | SEQUENCE | SESSION | SIMPLE | START | STATEMENT | STORED | SYSTEM | TEMP
  | TEMPORARY | TRIGGER | TRUNCATE | UNLOGGED | VACUUM | VALID | VALIDATE | VALUE | VALUES | VIEW
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

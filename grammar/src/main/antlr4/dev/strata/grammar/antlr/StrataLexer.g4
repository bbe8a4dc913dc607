/*
 * Lexer of the revision-file language (see docs/language.md).
 *
 * Directives are whole comment lines ("-- +upgrade", leading blanks allowed): the predicate
 * atLineStart() keeps "x; -- +upgrade" a plain comment. "-- +dialect NAME" switches to mode RAW,
 * where lines are skipped verbatim until "-- +end". Multi-line constructs whose end must be
 * matched by content (nested block comments, dollar quotes) use modes with "more"; the start of
 * the one left open at end of input is remembered for the diagnostic. Strings and quoted
 * identifiers have an UNTERMINATED_ twin that is one character shorter when the literal is closed,
 * so it only wins when the closing quote is missing.
 */
lexer grammar StrataLexer;

options { caseInsensitive = true; }

@members {
  // the dollar-quote delimiter being read, with both dollar signs
  private String dollarTag = "";
  private int commentDepth;
  private int openLine;
  private int openColumn;

  /** 1-based line where the construct still open at end of input started. */
  public int openLine() {
    return openLine;
  }

  /** 0-based column where the construct still open at end of input started. */
  public int openColumn() {
    return openColumn;
  }

  /** The mode the lexer is in (DEFAULT_MODE, COMMENT, DOLLAR or RAW). */
  public int currentMode() {
    return _mode;
  }

  private boolean atLineStart() {
    return _tokenStartCharPositionInLine == 0;
  }

  private void markOpen() {
    openLine = _tokenStartLine;
    openColumn = _tokenStartCharPositionInLine;
  }

  private void openDollar() {
    markOpen();
    dollarTag = getText();
    more();
    pushMode(DOLLAR);
  }

  private boolean atClosingTag() {
    for (int i = 0; i < dollarTag.length(); i++) {
      if (_input.LA(i + 1) != dollarTag.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void openComment() {
    markOpen();
    commentDepth = 1;
    more();
    pushMode(COMMENT);
  }

  private void closeComment() {
    if (--commentDepth > 0) {
      more();
    } else {
      popMode();
      skip();
    }
  }
}

// ---- directives: whole comment lines

DIALECT_DIRECTIVE : [ \t]* '--' [ \t]* '+' {atLineStart()}? 'dialect' ([ \t] ~[\r\n]*)? {markOpen(); pushMode(RAW);} ;
DIRECTIVE         : [ \t]* '--' [ \t]* '+' {atLineStart()}? [a-z] [a-z0-9_-]* ~[\r\n]* ;

LINE_COMMENT  : '--' ~[\r\n]* -> channel(HIDDEN) ;
COMMENT_START : '/*' {openComment();} ;
NEWLINE       : ('\r'? '\n' | '\r') -> skip ;
SPACE         : [ \t\f\uFEFF]+ -> skip ;

// ---- keywords

ACTION : 'action' ;
ADD : 'add' ;
AFTER : 'after' ;
ALL : 'all' ;
ALTER : 'alter' ;
ALWAYS : 'always' ;
ANALYZE : 'analyze' ;
ARRAY : 'array' ;
AS : 'as' ;
ASC : 'asc' ;
ATTACH : 'attach' ;
BEFORE : 'before' ;
BY : 'by' ;
CACHE : 'cache' ;
CALL : 'call' ;
CASCADE : 'cascade' ;
CASCADED : 'cascaded' ;
CHECK : 'check' ;
COLLATE : 'collate' ;
COLUMN : 'column' ;
// COMMENT is the name of the block-comment mode
COMMENT_KW : 'comment' ;
CONCURRENTLY : 'concurrently' ;
CONFLICT : 'conflict' ;
CONSTRAINT : 'constraint' ;
CONTINUE : 'continue' ;
CREATE : 'create' ;
CYCLE : 'cycle' ;
DATA : 'data' ;
DATABASE : 'database' ;
DEFAULT : 'default' ;
DEFERRABLE : 'deferrable' ;
DEFERRED : 'deferred' ;
DELETE : 'delete' ;
DESC : 'desc' ;
DETACH : 'detach' ;
DISABLE : 'disable' ;
DISTINCT : 'distinct' ;
DO : 'do' ;
DOMAIN : 'domain' ;
DROP : 'drop' ;
EACH : 'each' ;
ENABLE : 'enable' ;
ENUM : 'enum' ;
EXCLUDE : 'exclude' ;
EXECUTE : 'execute' ;
EXISTS : 'exists' ;
EXPRESSION : 'expression' ;
EXTENSION : 'extension' ;
FIRST : 'first' ;
FOR : 'for' ;
FORCE : 'force' ;
FOREIGN : 'foreign' ;
FROM : 'from' ;
FULL : 'full' ;
FUNCTION : 'function' ;
GENERATED : 'generated' ;
GRANT : 'grant' ;
IDENTITY : 'identity' ;
IF : 'if' ;
IMMEDIATE : 'immediate' ;
IN : 'in' ;
INCLUDE : 'include' ;
INCREMENT : 'increment' ;
INDEX : 'index' ;
INITIALLY : 'initially' ;
INSERT : 'insert' ;
INSTEAD : 'instead' ;
INTO : 'into' ;
IS : 'is' ;
KEY : 'key' ;
LANGUAGE : 'language' ;
LAST : 'last' ;
LEVEL : 'level' ;
LIKE : 'like' ;
LOCAL : 'local' ;
LOCK : 'lock' ;
MATCH : 'match' ;
MATERIALIZED : 'materialized' ;
MAXVALUE : 'maxvalue' ;
MINVALUE : 'minvalue' ;
NAME : 'name' ;
NEW : 'new' ;
NO : 'no' ;
NONE : 'none' ;
NOT : 'not' ;
NOTHING : 'nothing' ;
NOTIFY : 'notify' ;
NULL : 'null' ;
NULLS : 'nulls' ;
OF : 'of' ;
OLD : 'old' ;
ON : 'on' ;
ONLY : 'only' ;
OPTION : 'option' ;
OR : 'or' ;
OVERRIDING : 'overriding' ;
OWNED : 'owned' ;
OWNER : 'owner' ;
PARTITION : 'partition' ;
POLICY : 'policy' ;
PRIMARY : 'primary' ;
PRIVILEGES : 'privileges' ;
PROCEDURE : 'procedure' ;
RECURSIVE : 'recursive' ;
REFERENCES : 'references' ;
REFERENCING : 'referencing' ;
REFRESH : 'refresh' ;
REINDEX : 'reindex' ;
RENAME : 'rename' ;
REPLACE : 'replace' ;
RESET : 'reset' ;
RESTART : 'restart' ;
RESTRICT : 'restrict' ;
RETURNING : 'returning' ;
RETURNS : 'returns' ;
REVOKE : 'revoke' ;
ROLE : 'role' ;
ROW : 'row' ;
SCHEMA : 'schema' ;
SECURITY : 'security' ;
SELECT : 'select' ;
SEQUENCE : 'sequence' ;
SESSION : 'session' ;
SET : 'set' ;
SIMPLE : 'simple' ;
START : 'start' ;
STATEMENT : 'statement' ;
STORED : 'stored' ;
SYSTEM : 'system' ;
TABLE : 'table' ;
TEMP : 'temp' ;
TEMPORARY : 'temporary' ;
TO : 'to' ;
TRIGGER : 'trigger' ;
TRUNCATE : 'truncate' ;
TYPE : 'type' ;
UNIQUE : 'unique' ;
UNLOGGED : 'unlogged' ;
UPDATE : 'update' ;
USER : 'user' ;
USING : 'using' ;
VACUUM : 'vacuum' ;
VALID : 'valid' ;
VALIDATE : 'validate' ;
VALUE : 'value' ;
VALUES : 'values' ;
VERSION : 'version' ;
VIEW : 'view' ;
WHEN : 'when' ;
WHERE : 'where' ;
WITH : 'with' ;
WITHOUT : 'without' ;
ZONE : 'zone' ;

// ---- type names

BIGINT : 'bigint' ;
BIT : 'bit' ;
BOOL : 'bool' ;
BOOLEAN : 'boolean' ;
BYTEA : 'bytea' ;
CHAR : 'char' ;
CHARACTER : 'character' ;
DATE : 'date' ;
DECIMAL : 'decimal' ;
DOUBLE : 'double' ;
INT : 'int' ;
INT2 : 'int2' ;
INT4 : 'int4' ;
INT8 : 'int8' ;
INTEGER : 'integer' ;
INTERVAL : 'interval' ;
JSON : 'json' ;
JSONB : 'jsonb' ;
NUMERIC : 'numeric' ;
PRECISION : 'precision' ;
REAL : 'real' ;
SMALLINT : 'smallint' ;
TEXT : 'text' ;
TIME : 'time' ;
TIMESTAMP : 'timestamp' ;
TIMESTAMPTZ : 'timestamptz' ;
UUID : 'uuid' ;
VARCHAR : 'varchar' ;
VARYING : 'varying' ;

// ---- literals, names, punctuation

STRING                     : '\'' ('\'\'' | ~'\'')* '\'' ;
UNTERMINATED_STRING        : '\'' ('\'\'' | ~'\'')* ;
ESCAPE_STRING              : 'e\'' ('\\' . | '\'\'' | ~['\\])* '\'' ;
UNTERMINATED_ESCAPE_STRING : 'e\'' ('\\' . | '\'\'' | ~['\\])* ;
QUOTED_IDENTIFIER              : '"' ('""' | ~'"')* '"' ;
UNTERMINATED_QUOTED_IDENTIFIER : '"' ('""' | ~'"')* ;
DOLLAR_START : '$' TAG? '$' {openDollar();} ;
PARAMETER    : '$' [0-9]+ ;

INTEGER_VALUE : [0-9]+ ;
DECIMAL_VALUE : ([0-9]+ '.' [0-9]* | '.' [0-9]+) EXPONENT? | [0-9]+ EXPONENT ;
IDENTIFIER    : IDENT_START (IDENT_START | [0-9$])* ;

SEMI     : ';' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA    : ',' ;
DOT      : '.' ;
EQ       : '=' ;
OPERATOR : '::' | [<>=!|&~^#@?%]+ | [-+*/:{}] ;
OTHER    : . ;

fragment TAG         : IDENT_START (IDENT_START | [0-9])* ;
fragment IDENT_START : [a-z_\u0080-\uFFFF] ;
fragment EXPONENT    : 'e' [+-]? [0-9]+ ;

// ---- inside /* ... */ (nested, as in PostgreSQL)

mode COMMENT;

NESTED_COMMENT_START : '/*' {commentDepth++;} -> more ;
COMMENT_END          : '*/' {closeComment();} ;
COMMENT_TEXT         : ~[*/]+ -> more ;
COMMENT_CHAR         : [*/] -> more ;

// ---- inside $tag$ ... $tag$

mode DOLLAR;

DOLLAR_STRING : {atClosingTag()}? '$' TAG? '$' -> popMode ;
DOLLAR_TEXT   : ~'$'+ -> more ;
DOLLAR_CHAR   : '$' -> more ;

// ---- inside -- +dialect NAME ... -- +end: lines are kept verbatim

mode RAW;

DIALECT_END : [ \t]* '--' [ \t]* '+end' ([ \t] ~[\r\n]*)? -> popMode ;
RAW_LINE    : ~[\r\n]+ -> skip ;
RAW_NEWLINE : [\r\n]+ -> skip ;

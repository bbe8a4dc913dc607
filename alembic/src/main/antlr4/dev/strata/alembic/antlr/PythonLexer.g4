/*
 * The tokens of Python 3 as Alembic revision files use them (the lexical rules of the Python
 * language reference, "Lexical analysis"). Indentation is not tokenised here: NEWLINE is every
 * line end, and PythonTokens (a TokenSource around this lexer) drops the ones inside brackets and
 * on blank lines and emits INDENT and DEDENT from the indentation of each logical line. Comments,
 * blanks and backslash line continuations are skipped.
 */
lexer grammar PythonLexer;

tokens { INDENT, DEDENT }

STRING
  : STRING_PREFIX? (LONG_STRING | SHORT_STRING)
  ;

NUMBER
  : (DEC_INTEGER | HEX_INTEGER | OCT_INTEGER | BIN_INTEGER | FLOAT) [jJ]?
  ;

FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

NAME
  : ID_START ID_CONTINUE*
  ;

NEWLINE
  : '\r'? '\n'
  ;

ELLIPSIS    : '...';
DOT         : '.';
STAR        : '*';
OPEN_PAREN  : '(';
CLOSE_PAREN : ')';
COMMA       : ',';
COLON       : ':';
SEMI        : ';';
POWER       : '**';
ASSIGN      : '=';
OPEN_BRACK  : '[';
CLOSE_BRACK : ']';
OR_OP       : '|';
XOR         : '^';
AND_OP      : '&';
LEFT_SHIFT  : '<<';
RIGHT_SHIFT : '>>';
ADD         : '+';
MINUS       : '-';
DIV         : '/';
MOD         : '%';
IDIV        : '//';
NOT_OP      : '~';
OPEN_BRACE  : '{';
CLOSE_BRACE : '}';
LESS_THAN   : '<';
GREATER_THAN: '>';
EQUALS      : '==';
GT_EQ       : '>=';
LT_EQ       : '<=';
NOT_EQ      : '!=' | '<>';
AT          : '@';
ARROW       : '->';
WALRUS      : ':=';
AUG_ASSIGN
  : '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**=' | '//='
  ;

SKIP_
  : ([ \t\f\r\uFEFF] | '\\' '\r'? '\n')+ -> skip
  ;

COMMENT
  : '#' ~[\r\n]* -> skip
  ;

fragment STRING_PREFIX
  : [rRuUbBfF] | [rR] [bBfF] | [bBfF] [rR]
  ;

fragment SHORT_STRING
  : '\'' (STRING_ESCAPE | ~[\\\r\n'])* '\''
  | '"' (STRING_ESCAPE | ~[\\\r\n"])* '"'
  ;

fragment LONG_STRING
  : '\'\'\'' (STRING_ESCAPE | ~'\\')*? '\'\'\''
  | '"""' (STRING_ESCAPE | ~'\\')*? '"""'
  ;

fragment STRING_ESCAPE
  : '\\' ('\r\n' | .)
  ;

fragment DEC_INTEGER : [0-9] ('_'? [0-9])*;
fragment HEX_INTEGER : '0' [xX] ('_'? [0-9a-fA-F])+;
fragment OCT_INTEGER : '0' [oO] ('_'? [0-7])+;
fragment BIN_INTEGER : '0' [bB] ('_'? [01])+;
fragment DIGITS      : [0-9] ('_'? [0-9])*;
fragment EXPONENT    : [eE] [+-]? DIGITS;
fragment FLOAT
  : DIGITS? '.' DIGITS EXPONENT?
  | DIGITS '.' EXPONENT?
  | DIGITS EXPONENT
  ;

fragment ID_START
  : [_\p{L}\p{Nl}]
  ;

fragment ID_CONTINUE
  : [_\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]
  ;

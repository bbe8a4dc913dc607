/*
 * Python 3 statements and expressions, after the grammar of the Python language reference (the
 * LL(1) grammar of Python 3.8, with the walrus and positional-only parameters), as far as an
 * Alembic revision file may use them. Every statement form parses, so that a real file parses;
 * PythonAstBuilder keeps the subset (imports, assignments, def, with, pass, calls, literals) and
 * turns everything else into PyStmt.Other / PyExpr.Other with its exact source text.
 * The match statement (3.10) is not supported.
 */
parser grammar PythonParser;

options { tokenVocab = PythonLexer; }

fileInput
  : (NEWLINE | stmt)* EOF
  ;

stmt
  : simpleStmts
  | compoundStmt
  ;

simpleStmts
  : simpleStmt (SEMI simpleStmt)* SEMI? NEWLINE
  ;

simpleStmt
  : PASS                                                         # passStmt
  | IMPORT dottedAsName (COMMA dottedAsName)*                    # importStmt
  | FROM relativeModule IMPORT importTargets                     # fromImportStmt
  | targets=testlistStarExpr
      ( annotation=annassign
      | augmented=AUG_ASSIGN (yieldExpr | testlist)
      | (ASSIGN (yieldExpr | testlistStarExpr))*
      )                                                          # exprStmt
  | DEL exprlist                                                 # otherSimpleStmt
  | (BREAK | CONTINUE)                                           # otherSimpleStmt
  | RETURN testlistStarExpr?                                     # otherSimpleStmt
  | RAISE (test (FROM test)?)?                                   # otherSimpleStmt
  | yieldExpr                                                    # otherSimpleStmt
  | (GLOBAL | NONLOCAL) NAME (COMMA NAME)*                       # otherSimpleStmt
  | ASSERT test (COMMA test)?                                    # otherSimpleStmt
  ;

annassign
  : COLON test (ASSIGN (yieldExpr | testlistStarExpr))?
  ;

dottedAsName
  : dottedName (AS NAME)?
  ;

relativeModule
  : (DOT | ELLIPSIS)* dottedName
  | (DOT | ELLIPSIS)+
  ;

importTargets
  : STAR
  | OPEN_PAREN importAsName (COMMA importAsName)* COMMA? CLOSE_PAREN
  | importAsName (COMMA importAsName)*
  ;

importAsName
  : NAME (AS NAME)?
  ;

dottedName
  : NAME (DOT NAME)*
  ;

compoundStmt
  : funcdef                                                       # defStmt
  | withStmt                                                      # withStatement
  | IF namedexprTest COLON suite (ELIF namedexprTest COLON suite)* (ELSE COLON suite)?  # otherCompound
  | WHILE namedexprTest COLON suite (ELSE COLON suite)?           # otherCompound
  | FOR exprlist IN testlist COLON suite (ELSE COLON suite)?      # otherCompound
  | TRY COLON suite
      ( (exceptClause COLON suite)+ (ELSE COLON suite)? (FINALLY COLON suite)?
      | FINALLY COLON suite
      )                                                           # otherCompound
  | classdef                                                      # otherCompound
  | decorator+ (classdef | funcdef | asyncStmt)                   # otherCompound
  | asyncStmt                                                     # otherCompound
  ;

asyncStmt
  : ASYNC (funcdef | withStmt | FOR exprlist IN testlist COLON suite (ELSE COLON suite)?)
  ;

funcdef
  : DEF NAME parameters (ARROW test)? COLON suite
  ;

parameters
  : OPEN_PAREN paramList? CLOSE_PAREN
  ;

paramList
  : param (COMMA param)* COMMA?
  ;

param
  : NAME (COLON test)? (ASSIGN test)?
  | STAR (NAME (COLON test)?)?
  | POWER NAME (COLON test)?
  | DIV
  ;

withStmt
  : WITH withItem (COMMA withItem)* COLON suite
  ;

withItem
  : test (AS expr)?
  ;

exceptClause
  : EXCEPT (test (AS NAME)?)?
  ;

classdef
  : CLASS NAME (OPEN_PAREN arglist? CLOSE_PAREN)? COLON suite
  ;

decorator
  : AT namedexprTest NEWLINE
  ;

suite
  : simpleStmts
  | NEWLINE INDENT stmt+ DEDENT
  ;

namedexprTest
  : test (WALRUS test)?
  ;

test
  : orTest (IF orTest ELSE test)?
  | lambdef
  ;

testNoCond
  : orTest
  | lambdefNoCond
  ;

lambdef
  : LAMBDA lambdaParams? COLON test
  ;

lambdefNoCond
  : LAMBDA lambdaParams? COLON testNoCond
  ;

lambdaParams
  : lambdaParam (COMMA lambdaParam)* COMMA?
  ;

lambdaParam
  : NAME (ASSIGN test)?
  | STAR NAME?
  | POWER NAME
  | DIV
  ;

orTest
  : andTest (OR andTest)*
  ;

andTest
  : notTest (AND notTest)*
  ;

notTest
  : NOT notTest
  | comparison
  ;

comparison
  : expr (compOp expr)*
  ;

compOp
  : LESS_THAN | GREATER_THAN | EQUALS | GT_EQ | LT_EQ | NOT_EQ | IN | NOT IN | IS | IS NOT
  ;

starExpr
  : STAR expr
  ;

expr
  : AWAIT? atom trailer*                                         # primary
  | <assoc=right> expr POWER factor=expr                          # binary
  | op=(ADD | MINUS | NOT_OP) expr                                # unary
  | expr (STAR | AT | DIV | MOD | IDIV) expr                      # binary
  | expr (ADD | MINUS) expr                                       # binary
  | expr (LEFT_SHIFT | RIGHT_SHIFT) expr                          # binary
  | expr AND_OP expr                                              # binary
  | expr XOR expr                                                 # binary
  | expr OR_OP expr                                               # binary
  ;

atom
  : OPEN_PAREN (yieldExpr | testlistComp)? CLOSE_PAREN            # parenAtom
  | OPEN_BRACK testlistComp? CLOSE_BRACK                          # listAtom
  | OPEN_BRACE dictOrSetMaker? CLOSE_BRACE                        # braceAtom
  | NAME                                                          # nameAtom
  | NUMBER                                                        # numberAtom
  | STRING+                                                       # stringAtom
  | ELLIPSIS                                                      # otherAtom
  | NONE                                                          # noneAtom
  | (TRUE | FALSE)                                                # boolAtom
  ;

testlistComp
  : (namedexprTest | starExpr) (compFor | (COMMA (namedexprTest | starExpr))* COMMA?)
  ;

trailer
  : OPEN_PAREN arglist? CLOSE_PAREN                               # callTrailer
  | OPEN_BRACK subscriptlist CLOSE_BRACK                          # subscriptTrailer
  | DOT NAME                                                      # attributeTrailer
  ;

subscriptlist
  : subscript (COMMA subscript)* COMMA?
  ;

subscript
  : test
  | test? COLON test? (COLON test?)?
  ;

exprlist
  : (expr | starExpr) (COMMA (expr | starExpr))* COMMA?
  ;

testlist
  : test (COMMA test)* COMMA?
  ;

testlistStarExpr
  : (test | starExpr) (COMMA (test | starExpr))* COMMA?
  ;

dictOrSetMaker
  : dictEntry (compFor | (COMMA dictEntry)* COMMA?)
  | (test | starExpr) (compFor | (COMMA (test | starExpr))* COMMA?)
  ;

dictEntry
  : test COLON test
  | POWER expr
  ;

arglist
  : argument (COMMA argument)* COMMA?
  ;

argument
  : test compFor?
  | test WALRUS test
  | NAME ASSIGN test
  | POWER test
  | STAR test
  ;

compFor
  : ASYNC? FOR exprlist IN orTest compIter?
  ;

compIter
  : compFor
  | IF testNoCond compIter?
  ;

yieldExpr
  : YIELD (FROM test | testlistStarExpr)?
  ;

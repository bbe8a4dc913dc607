package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which PL/pgSQL bodies run {@code COMMIT} or {@code ROLLBACK} as a statement. */
class TransactionControlTest {
  @Test
  void commitOrRollbackAsAStatementCounts() {
    assertTrue(TransactionControl.in("BEGIN COMMIT; END"));
    assertTrue(TransactionControl.in("BEGIN\n  PERFORM 1;\n  rollback;\nEND"));
    assertTrue(TransactionControl.in("BEGIN IF done THEN commit; END IF; END"));
    assertTrue(TransactionControl.in("BEGIN LOOP COMMIT AND CHAIN; END LOOP; END"));
    assertTrue(TransactionControl.in("BEGIN NULL; EXCEPTION WHEN others THEN ROLLBACK; END"));
  }

  @Test
  void theWordsElsewhereDoNotCount() {
    assertFalse(TransactionControl.in("BEGIN RAISE NOTICE 'COMMIT;'; END"));
    assertFalse(TransactionControl.in("BEGIN -- COMMIT;\n NULL; END"));
    assertFalse(TransactionControl.in("BEGIN /* ROLLBACK; */ NULL; END"));
    assertFalse(TransactionControl.in("BEGIN EXECUTE $q$ COMMIT; $q$; END"));
    assertFalse(TransactionControl.in("BEGIN SELECT \"commit\" INTO x FROM t; END"));
    assertFalse(TransactionControl.in("BEGIN UPDATE t SET commit = 1; END"));
    assertFalse(TransactionControl.in("BEGIN PERFORM commit_count FROM t; END"));
  }
}

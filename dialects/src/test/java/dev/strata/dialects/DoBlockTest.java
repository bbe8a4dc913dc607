package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoBlockTest {
  @Test
  void aBlockIsIndentedAndQuotedWithStrataTags() {
    assertEquals(
        "DO $strata$\nDECLARE\n    n int;\nBEGIN\n    IF n > 0 THEN\n        NULL;\n    END IF;\nEND\n$strata$",
        DoBlock.render(List.of("n int;"), List.of("IF n > 0 THEN\n    NULL;\nEND IF;")));
  }

  @Test
  void aBodyHoldingTheTagGetsAnotherOne() {
    assertEquals(
        "DO $strata_2$\nBEGIN\n    PERFORM '$strata$ $strata_1$';\nEND\n$strata_2$",
        DoBlock.render(List.of(), List.of("PERFORM '$strata$ $strata_1$';")));
  }
}

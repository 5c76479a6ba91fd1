package dev.ferry.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.CalciteSyntax;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Node's copy of the reserved words is the parser's list, word for word. */
class ReservedWordsFileTest {
  private static final Path GENERATED = Path.of("../src/config/reserved-words.gen.ts");

  @Test void theCommittedTypeScriptListIsCurrent() throws Exception {
    assertEquals(Files.readString(GENERATED, StandardCharsets.UTF_8), ReservedWordsFile.generate(),
        "src/config/reserved-words.gen.ts is stale: run `npm run build:java`");
  }

  @Test void theGeneratedListHoldsEveryReservedWordAndNothingElse() {
    TreeSet<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("'([^']*)',").matcher(ReservedWordsFile.generate());
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(CalciteSyntax.reservedWords(), listed);
    assertTrue(listed.contains("REF") && listed.contains("VALUE"));
  }
}

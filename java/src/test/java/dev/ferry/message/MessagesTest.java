package dev.ferry.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.copy.CopyMode;
import dev.ferry.copy.CopyRequest;
import dev.ferry.error.FerryFailure;
import dev.ferry.verify.VerifyMethod;
import dev.ferry.wire.OpenRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict reading of messages: defaults, unknown and missing fields, kinds, minimums, enums. */
class MessagesTest {
  private static final String BASE = "\"from\": \"pg\", \"to\": \"maria\", \"table\": \"orders\"";

  private static CopyRequest copy(String extra) {
    String json = "{" + BASE + (extra.isEmpty() ? "" : ", " + extra) + "}";
    return Messages.read(json.getBytes(StandardCharsets.UTF_8), CopyRequest.class);
  }

  private static FerryFailure copyFails(String extra) {
    FerryFailure f = assertThrows(FerryFailure.class, () -> copy(extra));
    assertEquals("USAGE", f.code(), f.getMessage());
    return f;
  }

  @Test void defaultsFillWhatIsLeftOut() {
    CopyRequest r = copy("");
    assertEquals("pg", r.from());
    assertEquals(CopyMode.APPEND, r.mode());
    assertEquals(100_000, r.chunkRows());
    assertEquals(2, r.parallel());
    assertFalse(r.create());
    assertFalse(r.resume());
    assertFalse(r.dryRun());
    assertNull(r.targetTable());
    assertNull(r.watermark());
    assertNull(r.job());
    assertEquals("orders", r.targetName());
    assertEquals("pg->maria", r.jobName());
  }

  @Test void nullTakesTheDefaultToo() {
    CopyRequest r = copy("\"parallel\": null, \"targetTable\": null");
    assertEquals(2, r.parallel());
    assertNull(r.targetTable());
  }

  @Test void givenValuesWin() {
    CopyRequest r = copy("\"mode\": \"upsert\", \"chunkRows\": 5, \"parallel\": 8, \"create\": true,"
        + " \"targetTable\": \"orders_copy\", \"job\": \"nightly\"");
    assertEquals(CopyMode.UPSERT, r.mode());
    assertEquals(5, r.chunkRows());
    assertEquals(8, r.parallel());
    assertTrue(r.create());
    assertEquals("orders_copy", r.targetName());
    assertEquals("nightly", r.jobName());
  }

  @Test void unknownFieldsAreNamed() {
    FerryFailure f = copyFails("\"paralel\": 4");
    assertTrue(f.getMessage().startsWith("a copy request has unknown field paralel; it takes from, to,"),
        f.getMessage());
    assertTrue(copyFails("\"x\": 1, \"y\": 2").getMessage().contains("unknown fields x, y"));
  }

  @Test void requiredFieldsMustBeThere() {
    FerryFailure f = assertThrows(FerryFailure.class, () -> Messages.read(
        "{\"from\": \"a\", \"to\": \"b\"}".getBytes(StandardCharsets.UTF_8), CopyRequest.class));
    assertEquals("USAGE", f.code());
    assertEquals("a copy request needs field 'table'", f.getMessage());
  }

  @Test void wrongKindsAreRefused() {
    assertEquals("a copy request: field 'chunkRows' must be a whole number",
        copyFails("\"chunkRows\": \"many\"").getMessage());
    assertEquals("a copy request: field 'chunkRows' must be a whole number",
        copyFails("\"chunkRows\": 1.5").getMessage());
    assertEquals("a copy request: field 'create' must be true or false",
        copyFails("\"create\": \"yes\"").getMessage());
    assertEquals("a copy request: field 'where' must be a string",
        copyFails("\"where\": 1").getMessage());
    assertEquals("a copy request: field 'parallel' must be a whole number",
        copyFails("\"parallel\": 3000000000").getMessage(), "beyond an int");
  }

  @Test void minimumsAreChecked() {
    assertEquals("a copy request: field 'parallel' must be at least 1, not 0",
        copyFails("\"parallel\": 0").getMessage());
    assertEquals("a copy request: field 'chunkRows' must be at least 1, not 0",
        copyFails("\"chunkRows\": 0").getMessage());
    assertEquals("a copy request: field 'chunkRows' must be at least 1, not -5",
        copyFails("\"chunkRows\": -5").getMessage());
  }

  @Test void badEnumWordsListTheChoices() {
    assertEquals("a copy request: field 'mode' is 'merge', not one of append, replace, upsert,"
        + " incremental", copyFails("\"mode\": \"merge\"").getMessage());
    copyFails("\"mode\": 1");
  }

  @Test void enumWordsAreCaseInsensitive() {
    CopyRequest r = copy("\"mode\": \"INCREMENTAL\", \"watermark\": \"updated_at\"");
    assertEquals(CopyMode.INCREMENTAL, r.mode());
    assertEquals("updated_at", r.watermark());
  }

  @Test void theWatermarkGoesWithIncrementalCopiesAlone() {
    assertTrue(copyFails("\"mode\": \"incremental\"").getMessage().contains("--watermark"));
    assertTrue(copyFails("\"mode\": \"incremental\", \"watermark\": \" \"").getMessage()
        .contains("--watermark"));
    assertEquals("--watermark only applies with --mode incremental",
        copyFails("\"watermark\": \"updated_at\"").getMessage());
  }

  @Test void notJsonOrNotAnObject() {
    FerryFailure f = assertThrows(FerryFailure.class,
        () -> Messages.read("{nope".getBytes(StandardCharsets.UTF_8), CopyRequest.class));
    assertEquals("USAGE", f.code());
    assertTrue(f.getMessage().startsWith("a copy request is not valid JSON: "), f.getMessage());
    assertEquals("a copy request must be a JSON object", assertThrows(FerryFailure.class,
        () -> Messages.read("[]".getBytes(StandardCharsets.UTF_8), CopyRequest.class)).getMessage());
  }

  @Test void nestedRecordsAndListsAreReadStrictly() {
    OpenRequest r = Messages.read(("{\"databases\": [{\"name\": \"a\", \"url\": \"jdbc:h2:mem:a\"}]}")
        .getBytes(StandardCharsets.UTF_8), OpenRequest.class);
    assertEquals(List.of(new DatabaseSpec("a", "jdbc:h2:mem:a", null, null, null, false, 10_000)),
        r.databases());
    FerryFailure f = assertThrows(FerryFailure.class, () -> Messages.read(
        "{\"databases\": [{\"name\": \"a\", \"url\": \"u\", \"fetchSize\": -1}]}"
            .getBytes(StandardCharsets.UTF_8), OpenRequest.class));
    assertEquals("an open request: field 'databases': field 'fetchSize' must be at least 0, not -1",
        f.getMessage());
    assertEquals("an open request: field 'databases' must be a list", assertThrows(FerryFailure.class,
        () -> Messages.read("{\"databases\": {}}".getBytes(StandardCharsets.UTF_8), OpenRequest.class))
        .getMessage());
  }

  @Test void databaseSpecDefaults() {
    DatabaseSpec s = Messages.read("{\"name\": \"n\", \"url\": \"jdbc:sqlite:x.db\"}"
        .getBytes(StandardCharsets.UTF_8), DatabaseSpec.class);
    assertFalse(s.readOnly());
    assertEquals(10_000, s.fetchSize());
    assertNull(s.user());
    assertNull(s.password());
    assertNull(s.schema());
  }

  @Test void enumsAreWrittenAsTheirWords() {
    CopyRequest r = copy("\"mode\": \"replace\"");
    String json = new String(Messages.write(r), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"mode\":\"replace\""), json);
    assertEquals("\"append\"", new String(Messages.write(CopyMode.APPEND), StandardCharsets.UTF_8));
    assertEquals("\"checksum-in-database\"",
        new String(Messages.write(VerifyMethod.CHECKSUM_IN_DATABASE), StandardCharsets.UTF_8));
    assertEquals(r, Messages.read(Messages.write(r), CopyRequest.class), "written and read back");
  }

  @Test void messageNamesInFailures() {
    assertEquals("a copy request", Messages.what(CopyRequest.class));
    assertEquals("an open request", Messages.what(OpenRequest.class));
    assertEquals("a database spec", Messages.what(DatabaseSpec.class));
  }
}

package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A date's text read as its epoch day, exactly as LocalDate reads it, and nothing else read. */
class IsoDateTextTest {
  @Test void everyDateOfYearsZeroTo9999ReadsAsLocalDateDoes() {
    for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(1)) {
      assertEquals(d.toEpochDay(), IsoDateText.epochDay(d.toString()), d.toString());
    }
  }

  @Test void anythingButARealPlainDateIsLeftToTheTypedRead() {
    for (String text : new String[] {"0000-00-00", "2024-02-00", "2024-00-10", "2023-02-29",
        "2024-02-30", "2024-04-31", "2024-13-01", "1996-3-13", " 1996-03-13", "+996-03-13",
        "1996/03/13", "1996-03-1x", "-001-01-01", "", "1996-03-13 00:00:00", "19960313"}) {
      assertEquals(IsoDateText.NOT_PLAIN, IsoDateText.epochDay(text), text);
    }
    assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), IsoDateText.epochDay("2024-02-29"));
    assertEquals(LocalDate.of(2000, 2, 29).toEpochDay(), IsoDateText.epochDay("2000-02-29"));
    assertEquals(IsoDateText.NOT_PLAIN, IsoDateText.epochDay("1900-02-29"));
  }
}

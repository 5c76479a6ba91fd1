package dev.ferry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.Dialects;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code {tables:EXPR}} marker of catalog queries, and every engine's queries carrying one. */
class SqlCatalogTest {
  private static final Pattern MARKER = Pattern.compile("\\{tables:([^}]+)}");
  private static final String SQL = "SELECT * FROM k WHERE s = ? {tables:k.t} ORDER BY 1";

  /** A catalog built from the given queries, which it only checks. */
  private static final class Fixed extends SqlCatalog {
    Fixed(String keys, String fks, String indexes) {
      super(keys, fks, indexes);
    }
  }

  @Test void wholeNamespaceDropsTheMarker() {
    assertEquals("SELECT * FROM k WHERE s = ?  ORDER BY 1", SqlCatalog.render(SQL, null));
  }

  @Test void noTablesSelectsNothing() {
    assertEquals("SELECT * FROM k WHERE s = ?  AND 1 = 0 ORDER BY 1", SqlCatalog.render(SQL, List.of()));
  }

  @Test void namedTablesBecomeAnInList() {
    assertEquals("SELECT * FROM k WHERE s = ?  AND k.t IN (?) ORDER BY 1",
        SqlCatalog.render(SQL, List.of("a")));
    assertEquals("SELECT * FROM k WHERE s = ?  AND k.t IN (?, ?) ORDER BY 1",
        SqlCatalog.render(SQL, List.of("a", "b")));
  }

  @Test void queriesWithoutAMarkerAreLeftAlone() {
    assertEquals("SELECT 1", SqlCatalog.render("SELECT 1", List.of("a")));
  }

  @Test void theConstructorRefusesAMissingMisplacedOrRepeatedMarker() {
    String ok = "SELECT 1 WHERE s = ? {tables:t}";
    assertThrows(IllegalArgumentException.class, () -> new Fixed("SELECT 1 WHERE s = ?", ok, ok));
    assertThrows(IllegalArgumentException.class,
        () -> new Fixed(ok, "SELECT 1 WHERE 1 = 1 {tables:t} AND s = ?", ok));
    assertThrows(IllegalArgumentException.class,
        () -> new Fixed(ok, ok, "SELECT 1 WHERE s = ? {tables:t} {tables:u}"));
    new Fixed(ok, ok, ok);
  }

  /**
   * Every distinct catalog query an engine's reader holds: its class's constants and the copies
   * SqlCatalog keeps.
   */
  private static List<String> queries(CatalogReader reader) throws IllegalAccessException {
    List<String> out = new ArrayList<>();
    for (Class<?> c = reader.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() != String.class) {
          continue;
        }
        f.setAccessible(true);
        String sql = (String) f.get(Modifier.isStatic(f.getModifiers()) ? null : reader);
        if (sql != null && sql.contains("{tables:") && !out.contains(sql)) {
          out.add(sql);
        }
      }
    }
    return out;
  }

  @Test void everyEngineQueryCarriesOneMarkerAfterItsLastParameter() throws Exception {
    int engines = 0;
    for (Dialect d : Dialects.all()) {
      if (d.name().equals("backup")) {
        continue; // A backup's structure is its manifest's snapshot: it has no catalog queries.
      }
      CatalogReader reader = d.catalogReader(); // SqlCatalog's constructor checks its queries
      if (!reader.bulk()) {
        assertEquals("jdbc", d.name(), "only the generic dialect reads per table");
        continue;
      }
      engines++;
      List<String> sqls = queries(reader);
      assertTrue(sqls.size() >= 3, d.name() + " has keys, foreign keys and indexes queries"
          + " (and may have more, for what structure() reads)");
      for (String sql : sqls) {
        Matcher m = MARKER.matcher(sql);
        assertTrue(m.find(), d.name() + ": " + sql);
        assertEquals(-1, sql.indexOf('?', m.end()), d.name() + ": a parameter after the marker");
        assertFalse(m.find(), d.name() + ": two markers");
        String rendered = SqlCatalog.render(sql, List.of("a", "b"));
        assertFalse(rendered.contains("{tables:"));
        assertEquals(sql.chars().filter(ch -> ch == '?').count() + 2,
            rendered.chars().filter(ch -> ch == '?').count());
      }
    }
    assertEquals(5, engines);
  }
}

package dev.ferry.catalog;


import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Keys, foreign keys and indexes through plain {@code DatabaseMetaData}, for engines Ferry has no
 * catalog queries for (HSQLDB, Derby, any other driver), and for those whose driver answers
 * these calls well enough.
 *
 * <p>JDBC only answers these per table, so this costs three round trips per table on top of the
 * two every engine pays; embedded engines answer in-process, where that is cheap. JDBC has no
 * notion of a unique constraint apart from its index, so every unique index that is not the
 * primary key's is reported as a unique key named after the index.
 */
public final class MetadataCatalog implements CatalogReader {
  private record KeyPart(@Nullable String name, int seq, String column) {}

  private record ForeignKeyPart(@Nullable String name, int seq, String column,
      @Nullable String refSchema, String refTable, String refColumn) {}

  private record IndexPart(String name, int seq, String column, boolean unique) {}

  @Override public boolean bulk() {
    return false;
  }

  @Override public void keys(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (CatalogFacts.TableFacts t : tablesOnly(facts)) {
      List<KeyPart> parts = new ArrayList<>();
      try (ResultSet rs = md.getPrimaryKeys(scope.catalog(), scope.schema(), t.name)) {
        while (rs.next()) {
          parts.add(new KeyPart(rs.getString("PK_NAME"), rs.getInt("KEY_SEQ"),
              rs.getString("COLUMN_NAME")));
        }
      } catch (SQLException e) {
        throw named(e, "the primary key", t.name);
      }
      // Rows come sorted by column name; KEY_SEQ is the declared order.
      parts.sort(Comparator.comparingInt(KeyPart::seq));
      parts.forEach(p -> facts.keyColumn(t.name, "", p.name(), true, p.column()));
    }
  }

  @Override public void foreignKeys(Connection c, Scope scope, CatalogFacts facts)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (CatalogFacts.TableFacts t : tablesOnly(facts)) {
      Map<String, List<ForeignKeyPart>> byKey = new LinkedHashMap<>();
      try (ResultSet rs = md.getImportedKeys(scope.catalog(), scope.schema(), t.name)) {
        while (rs.next()) {
          String name = rs.getString("FK_NAME");
          String refTable = rs.getString("PKTABLE_NAME");
          String refSchema = rs.getString("PKTABLE_SCHEM");
          // Drivers may leave FK_NAME NULL; unnamed keys are told apart by what they reference.
          String group = name != null ? name : refTable;
          byKey.computeIfAbsent(group, g -> new ArrayList<>()).add(new ForeignKeyPart(name,
              rs.getInt("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"),
              refSchema != null ? refSchema : rs.getString("PKTABLE_CAT"), refTable,
              rs.getString("PKCOLUMN_NAME")));
        }
      } catch (SQLException e) {
        throw named(e, "the foreign keys", t.name);
      }
      byKey.forEach((group, parts) -> {
        parts.sort(Comparator.comparingInt(ForeignKeyPart::seq));
        parts.forEach(p -> facts.foreignKeyColumn(t.name, group, p.name(), p.refSchema(),
            p.refTable(), p.column(), p.refColumn()));
      });
    }
  }

  @Override public void indexes(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (CatalogFacts.TableFacts t : tablesOnly(facts)) {
      List<IndexPart> parts = new ArrayList<>();
      try (ResultSet rs = md.getIndexInfo(scope.catalog(), scope.schema(), t.name, false, true)) {
        while (rs.next()) {
          String name = rs.getString("INDEX_NAME");
          if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
            continue;
          }
          String column = rs.getString("COLUMN_NAME");
          parts.add(new IndexPart(name, rs.getShort("ORDINAL_POSITION"),
              column == null ? CatalogFacts.EXPRESSION : column, !rs.getBoolean("NON_UNIQUE")));
        }
      } catch (SQLException e) {
        throw named(e, "the indexes", t.name);
      }
      parts.sort(Comparator.comparing(IndexPart::name).thenComparingInt(IndexPart::seq));
      List<String> pk = t.primaryKey == null ? List.of() : t.primaryKey.columns();
      Map<String, List<String>> uniques = new LinkedHashMap<>();
      for (IndexPart p : parts) {
        facts.indexColumn(t.name, p.name(), p.unique(), p.column());
        if (p.unique()) {
          uniques.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p.column());
        }
      }
      uniques.forEach((name, columns) -> {
        if (!columns.equals(pk)) {
          columns.forEach(col -> facts.keyColumn(t.name, name, name, false, col));
        }
      });
    }
  }

  /**
   * Derby reports an identity column's default as {@code GENERATED_BY_DEFAULT} (or
   * {@code GENERATED_ALWAYS}): that is the identity itself, which autoIncrement already says.
   */
  @Override public void adjustColumns(CatalogFacts facts) {
    for (CatalogFacts.TableFacts t : facts.tables()) {
      for (CatalogFacts.ColumnFacts col : t.columns) {
        if (col.autoIncrement && col.defaultValue != null && col.defaultValue.startsWith("GENERATED_")) {
          col.defaultValue = null;
        }
      }
    }
  }

  private static List<CatalogFacts.TableFacts> tablesOnly(CatalogFacts facts) {
    return facts.tables().stream().filter(t -> !t.view).toList();
  }

  private static SQLException named(SQLException e, String what, String table) {
    return new SQLException("reading " + what + " of table '" + table + "': " + e.getMessage(),
        e.getSQLState(), e.getErrorCode(), e);
  }
}

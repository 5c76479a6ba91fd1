package dev.ferry.validate;

import dev.ferry.types.LogicalType;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.apache.calcite.tools.Frameworks;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Calcite schema made from a snapshot's tables and views: enough to validate statements, with
 * nothing to read.
 *
 * <p>Every table is at the root, so {@code SELECT id FROM orders} resolves, and again under its
 * schema and under the snapshot's database name, so {@code shop.orders},
 * {@code public.orders} and {@code shop.public.orders} do too. Because the schema comes from
 * the snapshot alone, a live database (inspected first) and a saved snapshot file validate
 * the same way.
 */
public final class SnapshotSchema {
  private SnapshotSchema() {}

  /** Builds the root schema for a snapshot as Node sends it ({@code SchemaSnapshot}). */
  public static SchemaPlus of(JsonNode snapshot) {
    requireNonNull(snapshot, "snapshot");
    SchemaPlus root = Frameworks.createRootSchema(false);
    String database = text(snapshot, "database");
    SchemaPlus db = database == null ? null : child(root, database);
    for (String kind : new String[] {"tables", "views"}) {
      for (JsonNode t : snapshot.path(kind)) {
        String name = requireNonNull(text(t, "name"), "table name");
        String schema = text(t, "schema");
        Table table = new SnapshotTable(t.path("columns"));
        root.add(name, table);
        if (schema != null) {
          child(root, schema).add(name, table);
        }
        if (db != null) {
          db.add(name, table);
          if (schema != null) {
            child(db, schema).add(name, table);
          }
        }
      }
    }
    return root;
  }

  private static SchemaPlus child(SchemaPlus parent, String name) {
    SchemaPlus s = parent.subSchemas().get(name);
    return s != null ? s : parent.add(name, new AbstractSchema());
  }

  private static @Nullable String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  /**
   * One table or view: its columns typed from their logical types, and no rows. Columns with a
   * default or auto-increment say so, so an INSERT that leaves them out validates.
   */
  private static final class SnapshotTable extends AbstractTable {
    private record Field(String name, LogicalType type, boolean nullable, boolean defaulted) {}

    private final List<Field> fields = new ArrayList<>();
    private final InitializerExpressionFactory defaults = new NullInitializerExpressionFactory() {
      @Override public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
        return iColumn < fields.size() && fields.get(iColumn).defaulted() ? ColumnStrategy.DEFAULT
            : super.generationStrategy(table, iColumn);
      }
    };

    SnapshotTable(JsonNode columns) {
      for (JsonNode c : columns) {
        JsonNode d = c.get("default");
        fields.add(new Field(c.path("name").asText(), LogicalType.fromJson(c.path("type")),
            c.path("nullable").asBoolean(true),
            (d != null && !d.isNull()) || c.path("autoIncrement").asBoolean(false)));
      }
    }

    @Override public <C extends Object> @Nullable C unwrap(Class<C> clazz) {
      return clazz == InitializerExpressionFactory.class ? clazz.cast(defaults) : super.unwrap(clazz);
    }

    @Override public RelDataType getRowType(RelDataTypeFactory f) {
      RelDataTypeFactory.Builder b = f.builder();
      for (Field c : fields) {
        b.add(c.name(), c.type().toRelDataType(f, c.nullable()));
      }
      return b.build();
    }
  }
}

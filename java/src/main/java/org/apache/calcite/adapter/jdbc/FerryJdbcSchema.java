package org.apache.calcite.adapter.jdbc;

import dev.ferry.ColumnTypes;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link JdbcSchema} whose column types come from Ferry's {@link ColumnTypes}.
 *
 * <p>It lives in Calcite's package because the hook it overrides,
 * {@code getRelDataType(DatabaseMetaData, …)}, is package-private. Stock JdbcSchema builds types
 * with the default type system, which cuts DECIMAL(38, s) to 19 digits, and trusts what SQLite's
 * driver reports (DECIMAL as FLOAT, TIMESTAMP as VARCHAR).
 */
public final class FerryJdbcSchema extends JdbcSchema {
  private final ColumnTypes types;

  /** Creates a schema over one catalog/schema of a data source, sharing {@code convention}. */
  public FerryJdbcSchema(DataSource dataSource, SqlDialect dialect, JdbcConvention convention,
      @Nullable String catalog, @Nullable String schema, ColumnTypes types) {
    super(dataSource, dialect, convention, catalog, schema);
    this.types = types;
  }

  @Override RelProtoDataType getRelDataType(DatabaseMetaData metaData, String catalogName,
      String schemaName, String tableName) throws SQLException {
    final RelDataTypeFactory typeFactory = new SqlTypeFactoryImpl(types.typeSystem());
    final RelDataTypeFactory.Builder fields = typeFactory.builder();
    try (ResultSet rs = metaData.getColumns(catalogName, schemaName, tableName, null)) {
      while (rs.next()) {
        String column = rs.getString(4);
        RelDataType type = types.type(typeFactory, rs.getInt(5), rs.getString(6), rs.getInt(7),
            rs.getInt(9));
        boolean nullable = rs.getInt(11) != DatabaseMetaData.columnNoNulls;
        fields.add(column, type).nullable(nullable);
      }
    }
    return RelDataTypeImpl.proto(fields.build());
  }
}

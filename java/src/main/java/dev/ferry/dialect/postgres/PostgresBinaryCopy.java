package dev.ferry.dialect.postgres;

import dev.ferry.arrow.BatchSource;
import dev.ferry.dialect.BatchReader;
import dev.ferry.types.ColumnSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * A SELECT read as {@code COPY (select) TO STDOUT (FORMAT binary)}, decoded straight into a
 * chunk file's vectors ({@link BinaryCopyRows}): no text parsed, no Java value per cell.
 *
 * <p>Binary COPY does not say its types, so the SELECT is described first (pgjdbc prepares it)
 * and every column's PostgreSQL type must have a decoder for the vector its spec has
 * ({@link BinaryFields}); one that has none (timestamptz, uuid, json, arrays, enums,
 * intervals, domains…) declines the whole SELECT to the JDBC path, as does a numeric whose
 * declared precision and scale do not fit its Decimal vector. So does a database or
 * session whose encoding is not UTF8: text is copied as the bytes sent, which are then the
 * bytes pgjdbc would have decoded. Turned off with {@code -Dferry.postgres.binaryCopy=false}.
 */
final class PostgresBinaryCopy implements BatchReader {
  /** The system property that turns binary COPY reads off ({@code false}). */
  static final String SWITCH = "ferry.postgres.binaryCopy";

  @Override public @Nullable BatchSource open(Connection c, String sql, List<ColumnSpec> columns,
      Schema schema) throws SQLException {
    if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true")) || !utf8(c)) {
      return null;
    }
    ResultSetMetaData md;
    // Described under another text: describing the SELECT itself would make pgjdbc fetch the
    // JDBC path's later execution of it in binary, and some values (arrays) then print otherwise.
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (" + sql + ") AS described")) {
      md = ps.getMetaData();
    }
    if (md == null || md.getColumnCount() != columns.size()
        || schema.getFields().size() != columns.size()) {
      return null;
    }
    BinaryFields.Maker[] makers = new BinaryFields.Maker[columns.size()];
    for (int i = 0; i < makers.length; i++) {
      // Asked now, while the connection is free: the types are then in pgjdbc's cache for the
      // caller's reads of the metadata during the COPY.
      md.getColumnType(i + 1);
      String type = md.getColumnTypeName(i + 1);
      makers[i] = type == null || !lossless(md, i + 1, schema.getFields().get(i).getType()) ? null
          : BinaryFields.of(type, columns.get(i), schema.getFields().get(i).getType());
      if (makers[i] == null) {
        return null;
      }
    }
    return new Pending(c, sql, makers, md);
  }

  /**
   * Whether every value of column {@code i} fits its vector as it is: a numeric's declared
   * scale and integer digits within the Decimal's (an unbounded numeric is not: the JDBC path
   * rounds it to the vector's scale while it hashes the value it read, and the binary path
   * must not differ from that).
   */
  private static boolean lossless(ResultSetMetaData md, int i, ArrowType t) throws SQLException {
    if (!(t instanceof ArrowType.Decimal d) || !"numeric".equals(md.getColumnTypeName(i))) {
      return true;
    }
    int precision = md.getPrecision(i);
    int scale = md.getScale(i);
    return precision > 0 && precision <= 1000 && scale >= 0 && scale <= d.getScale()
        && precision - scale <= d.getPrecision() - d.getScale();
  }

  /** Whether the server and this session both speak UTF8. */
  private static boolean utf8(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('server_encoding'),"
            + " current_setting('client_encoding')")) {
      return rs.next() && "UTF8".equals(rs.getString(1)) && "UTF8".equals(rs.getString(2));
    }
  }

  /**
   * The accepted read, started on its first fill, when the vectors it decodes into are known.
   */
  private static final class Pending implements BatchSource {
    private final Connection c;
    private final String sql;
    private final BinaryFields.Maker[] makers;
    private final ResultSetMetaData md;
    private @Nullable BinaryCopyRows rows;

    Pending(Connection c, String sql, BinaryFields.Maker[] makers, ResultSetMetaData md) {
      this.c = c;
      this.sql = sql;
      this.makers = makers;
      this.md = md;
    }

    @Override public ResultSetMetaData metaData() {
      return md;
    }

    @Override public int fill(VectorSchemaRoot root, int maxRows, long maxBytes)
        throws SQLException {
      if (rows == null) {
        BinaryFields.Field[] fields = new BinaryFields.Field[makers.length];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = makers[i].on(root.getVector(i));
        }
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI()
            .copyOut("COPY (" + sql + ") TO STDOUT (FORMAT binary)");
        rows = new BinaryCopyRows(out, fields, md, "reading " + sql);
      }
      return rows.fill(root, maxRows, maxBytes);
    }

    @Override public void close() throws SQLException {
      if (rows != null) {
        rows.close();
      }
    }
  }
}

package dev.ferry.arrow;

import dev.ferry.sink.SinkValues;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnSpec;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Tables in an in-memory H2 database, and chunk files written from them into memory. */
final class ChunkFixtures {
  private ChunkFixtures() {}

  /** A fresh in-memory database named {@code name}, with {@code ddl} run in it. */
  static Connection database(String name, String... ddl) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=0");
    try (Statement st = c.createStatement()) {
      for (String sql : ddl) {
        st.execute(sql);
      }
    }
    return c;
  }

  /** Every row of {@code rs} as the sinks read it ({@link ValueReaders#TYPED}). */
  static List<Object[]> sinkRows(ResultSet rs) throws SQLException {
    List<ColumnSpec> specs = ColumnSpec.fromMetaData(rs.getMetaData());
    SinkValues.Reader[] readers = SinkValues.readers(specs, ValueReaders.TYPED);
    List<Object[]> out = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[readers.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = readers[i].read(rs);
      }
      out.add(row);
    }
    return out;
  }

  /** The whole result of {@code sql} as one chunk file. */
  static byte[] chunk(Connection c, String sql, BufferAllocator allocator,
      ChunkCompression compression) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql);
         ArrowStreamFileWriter w = new ArrowStreamFileWriter(
             ColumnSpec.fromMetaData(rs.getMetaData()), allocator, 64, compression, null)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      w.write(rs, out, Long.MAX_VALUE);
      return out.toByteArray();
    }
  }
}

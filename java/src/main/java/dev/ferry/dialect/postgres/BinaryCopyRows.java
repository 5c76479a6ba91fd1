package dev.ferry.dialect.postgres;

import dev.ferry.arrow.BatchSource;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.postgresql.copy.CopyOut;

/**
 * The tuples of a {@code COPY … TO STDOUT (FORMAT binary)} decoded into record batches.
 *
 * <p>The stream: the 11-byte signature, int32 flags, int32 header extension length and the
 * extension; then per tuple an int16 field count and per field an int32 length (-1 for NULL)
 * and the type's send format; then the int16 -1 trailer. The server sends one CopyData message
 * per tuple (the header rides with the first), but nothing here relies on it: a field that
 * spans messages is joined.
 */
final class BinaryCopyRows implements BatchSource {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r',
      '\n', 0};

  private final CopyOut copy;
  private final BinaryFields.Field[] fields;
  private final ResultSetMetaData metaData;
  private final String what;
  private byte[] buf = new byte[0];
  private int pos;
  private boolean started;
  private boolean ended;

  /** Reads {@code copy}'s tuples into {@code fields}; {@code what} names the read in failures. */
  BinaryCopyRows(CopyOut copy, BinaryFields.Field[] fields, ResultSetMetaData metaData,
      String what) {
    this.copy = copy;
    this.fields = fields;
    this.metaData = metaData;
    this.what = what;
  }

  @Override public ResultSetMetaData metaData() {
    return metaData;
  }

  @Override public int fill(VectorSchemaRoot root, int maxRows, long maxBytes) throws SQLException {
    if (!started) {
      header();
      started = true;
    }
    int count = 0;
    long bytes = 0;
    while (count < maxRows && bytes < maxBytes && !ended) {
      need(2);
      int n = BinaryFields.i16(buf, pos);
      pos += 2;
      if (n == -1) {
        end();
        break;
      }
      if (n != fields.length) {
        throw new SQLException(what + ": a tuple of " + n + " fields, not " + fields.length,
            "08P01");
      }
      for (BinaryFields.Field f : fields) {
        need(4);
        int len = BinaryFields.i32(buf, pos);
        pos += 4;
        if (len < 0) {
          f.setNull(count);
        } else {
          need(len);
          bytes += f.read(buf, pos, len, count);
          pos += len;
        }
      }
      count++;
    }
    return count;
  }

  private void header() throws SQLException {
    need(SIGNATURE.length + 8);
    if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new SQLException(what + ": not a binary COPY stream", "08P01");
    }
    pos += SIGNATURE.length;
    int flags = BinaryFields.i32(buf, pos);
    if ((flags & 0xFFFF0000) != 0) {
      // Bit 16 says OIDs are included; the others are unknown critical flags.
      throw new SQLException(what + ": binary COPY flags 0x" + Integer.toHexString(flags)
          + " this reader does not know", "08P01");
    }
    int extension = BinaryFields.i32(buf, pos + 4);
    pos += 8;
    need(extension);
    pos += extension;
  }

  /** After the trailer: the server ends the COPY, which frees the connection. */
  private void end() throws SQLException {
    ended = true;
    if (pos != buf.length || copy.readFromCopy() != null) {
      throw new SQLException(what + ": data after the binary COPY's trailer", "08P01");
    }
  }

  /** Makes {@code n} bytes available at {@code pos}, reading messages as needed. */
  private void need(int n) throws SQLException {
    while (buf.length - pos < n) {
      byte[] next = copy.readFromCopy();
      if (next == null) {
        throw new SQLException(what + ": the binary COPY ended inside a tuple", "08006");
      }
      if (pos == buf.length) {
        buf = next;
      } else {
        byte[] joined = Arrays.copyOfRange(buf, pos, buf.length + next.length - pos);
        System.arraycopy(next, 0, joined, buf.length - pos, next.length);
        buf = joined;
      }
      pos = 0;
    }
  }

  /** Cancels the COPY when it was not read to its end; the failing backup drops the reader. */
  @Override public void close() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }
}

package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * An input stream as the channel Arrow's stream reader reads from, remembering whether the
 * stream ended at the end-of-stream marker or was cut short.
 *
 * <p>Arrow's reader takes a stream that stops between two messages (or inside a message's
 * length prefix) for a complete one, so a chunk file truncated there would restore fewer rows
 * without a word. The reader consumes exactly the bytes of each message, so a complete stream
 * ends on the marker's eight bytes without the input ever reporting its end; a cut one has hit
 * end of input instead.
 */
final class CheckedInputChannel implements ReadableByteChannel {
  /** The end-of-stream marker: continuation token 0xFFFFFFFF, then length 0. */
  private static final long END_MARKER = 0xFFFF_FFFF_0000_0000L;

  private final InputStream in;
  private byte[] scratch = new byte[0];
  private long tail;
  private long consumed;
  private boolean hitEnd;
  private boolean open = true;

  CheckedInputChannel(InputStream in) {
    this.in = requireNonNull(in, "in");
  }

  @Override public int read(ByteBuffer dst) throws IOException {
    int want = dst.remaining();
    if (want == 0) {
      return 0;
    }
    int n;
    if (dst.hasArray()) {
      int at = dst.arrayOffset() + dst.position();
      n = in.read(dst.array(), at, want);
      if (n > 0) {
        remember(dst.array(), at, n);
        dst.position(dst.position() + n);
      }
    } else {
      if (scratch.length == 0) {
        scratch = new byte[64 * 1024];
      }
      n = in.read(scratch, 0, Math.min(want, scratch.length));
      if (n > 0) {
        remember(scratch, 0, n);
        dst.put(scratch, 0, n);
      }
    }
    if (n < 0) {
      hitEnd = true;
    }
    return n;
  }

  private void remember(byte[] b, int from, int n) {
    consumed += n;
    for (int i = Math.max(from, from + n - 8); i < from + n; i++) {
      tail = (tail << 8) | (b[i] & 0xff);
    }
  }

  /** Whether everything read so far ends with the end-of-stream marker, the input not cut. */
  boolean endedAtMarker() {
    return !hitEnd && consumed >= 8 && tail == END_MARKER;
  }

  @Override public boolean isOpen() {
    return open;
  }

  @Override public void close() throws IOException {
    if (open) {
      open = false;
      in.close();
    }
  }
}

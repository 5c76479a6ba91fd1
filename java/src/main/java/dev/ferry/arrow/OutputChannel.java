package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * An output stream as the channel Arrow's stream writer writes to, left open when the writer
 * closes, and abandoned when a write fails.
 *
 * <p>{@code Channels.newChannel} would close the caller's stream with the writer, and a caller
 * writes several things (a chunk, then its checksum) or hands the stream on. Arrow's writer
 * writes the end-of-stream marker whenever it is closed, failure or not; an abandoned channel
 * drops it, so a stream cut by an error is never taken for a complete one.
 */
final class OutputChannel implements WritableByteChannel {
  private final OutputStream out;
  private byte[] scratch = new byte[0];
  private boolean open = true;
  private boolean abandoned;

  OutputChannel(OutputStream out) {
    this.out = requireNonNull(out, "out");
  }

  @Override public int write(ByteBuffer src) throws IOException {
    int n = src.remaining();
    if (abandoned) {
      src.position(src.limit());
      return n;
    }
    if (src.hasArray()) {
      out.write(src.array(), src.arrayOffset() + src.position(), n);
      src.position(src.position() + n);
      return n;
    }
    // Arrow's buffers are off-heap: copy them through one reused array.
    if (scratch.length == 0) {
      scratch = new byte[64 * 1024];
    }
    while (src.hasRemaining()) {
      int len = Math.min(src.remaining(), scratch.length);
      src.get(scratch, 0, len);
      out.write(scratch, 0, len);
    }
    return n;
  }

  /** Drops everything written from now on: the stream stays cut where the failure left it. */
  void abandon() {
    abandoned = true;
  }

  @Override public boolean isOpen() {
    return open;
  }

  /** Flushes the stream and stops writing to it; the stream itself stays open. */
  @Override public void close() throws IOException {
    if (open) {
      open = false;
      if (!abandoned) {
        out.flush();
      }
    }
  }
}

package dev.ferry.crypt;

import static dev.ferry.crypt.SealedFormat.HEADER_BYTES;
import static dev.ferry.crypt.SealedFormat.SEGMENT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sealed files round-trip, and every kind of damage is caught before its bytes are returned. */
class SealedStreamsTest {
  private static final byte[] SALT = new byte[BackupKey.SALT_BYTES];
  private static final BackupKey KEY = BackupKey.derive(
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", SALT, 1);
  private static final BackupKey OTHER_KEY = BackupKey.derive("not the key this was sealed with",
      SALT, 1_000);
  /** The size of a record holding a full segment. */
  private static final int RECORD = SealedFormat.NONCE_BYTES + SEGMENT + SealedFormat.TAG_BYTES;
  private static final String NAME = "chunks/orders-0003.arrow.enc";

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  /** Seals in uneven writes (one byte, then odd-sized pieces) to exercise the buffering. */
  private static byte[] seal(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new SealedOutputStream(bytes, KEY)) {
      int at = 0;
      if (plain.length > 0) {
        out.write(plain[at++]);
      }
      while (at < plain.length) {
        int n = Math.min(plain.length - at, 300_007);
        out.write(plain, at, n);
        at += n;
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] open(byte[] sealed, BackupKey key) throws IOException {
    try (InputStream in = new SealedInputStream(new ByteArrayInputStream(sealed), key, NAME)) {
      return in.readAllBytes();
    }
  }

  private static FerryFailure corrupt(byte[] sealed, BackupKey key) {
    FerryFailure f = assertThrows(FerryFailure.class, () -> open(sealed, key));
    assertEquals("BACKUP_CORRUPT", f.code());
    assertTrue(f.getMessage().contains(NAME), f.getMessage());
    return f;
  }

  private static FerryFailure corrupt(byte[] sealed) {
    return corrupt(sealed, KEY);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 17})
  void roundTrips(int size) throws IOException {
    byte[] plain = random(size);
    byte[] sealed = seal(plain);
    assertEquals(SealedFormat.sealedSize(size), sealed.length);
    assertArrayEquals(plain, open(sealed, KEY));
  }

  @Test void readsByteByByteAndInPiecesAcrossSegments() throws IOException {
    byte[] plain = random(SEGMENT + 5);
    try (InputStream in = new SealedInputStream(new ByteArrayInputStream(seal(plain)), KEY, NAME)) {
      byte[] head = new byte[SEGMENT - 2];
      assertEquals(head.length, in.readNBytes(head, 0, head.length));
      byte[] rest = new byte[7];
      for (int i = 0; i < rest.length; i++) {
        rest[i] = (byte) in.read();
      }
      assertEquals(0, in.read(new byte[4], 0, 0));
      byte[] tail = in.readAllBytes();
      assertEquals(-1, in.read());
      assertEquals(-1, in.read(new byte[4], 0, 4));
      byte[] all = new byte[plain.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(rest, 0, all, head.length, rest.length);
      System.arraycopy(tail, 0, all, head.length + rest.length, tail.length);
      assertArrayEquals(plain, all);
    }
  }

  @Test void eachFileIsSealedAfresh() throws IOException {
    byte[] plain = random(100);
    assertTrue(!Arrays.equals(seal(plain), seal(plain)), "random file id and nonces");
  }

  @Test void aWrongKeyFailsAtTheFirstSegmentAndSaysTheKeyMayBeWrong() throws IOException {
    FerryFailure f = corrupt(seal(random(2 * SEGMENT)), OTHER_KEY);
    assertTrue(f.getMessage().contains("key"), f.getMessage());
    assertTrue(f.toString().contains("\"keyMayBeWrong\":true"), f.toString());
  }

  @Test void aFlippedByteAnywhereFails() throws IOException {
    byte[] sealed = seal(random(3 * SEGMENT + 17));
    for (int segment = 0; segment < 4; segment++) {
      int start = HEADER_BYTES + segment * RECORD;
      int end = Math.min(start + RECORD, sealed.length);
      // In the nonce, the ciphertext and the tag of each segment.
      for (int at : new int[] {start, start + 20, (start + end) / 2, end - 1}) {
        byte[] damaged = sealed.clone();
        damaged[at] ^= 0x01;
        FerryFailure f = corrupt(damaged);
        if (segment > 0) {
          assertTrue(f.getMessage().contains("damaged at segment " + segment), f.getMessage());
        }
      }
    }
    for (int at = SealedFormat.MAGIC.length; at < HEADER_BYTES; at++) {
      byte[] damaged = sealed.clone();
      damaged[at] ^= 0x01;
      corrupt(damaged);
    }
  }

  @Test void aFileCutAtASegmentBoundaryFails() throws IOException {
    byte[] sealed = seal(random(3 * SEGMENT + 17));
    for (int records = 0; records <= 3; records++) {
      corrupt(Arrays.copyOf(sealed, HEADER_BYTES + records * RECORD));
    }
    // Exactly two segments: the first alone was sealed as "not last".
    corrupt(Arrays.copyOf(seal(random(2 * SEGMENT)), HEADER_BYTES + RECORD));
  }

  @Test void aFileCutInsideASegmentOrItsHeaderFails() throws IOException {
    byte[] sealed = seal(random(3 * SEGMENT + 17));
    for (int cut : new int[] {HEADER_BYTES + RECORD + 1000, HEADER_BYTES + 3 * RECORD + 20,
        sealed.length - 1, HEADER_BYTES + 5, HEADER_BYTES - 1, 3, 0}) {
      corrupt(Arrays.copyOf(sealed, cut));
    }
  }

  @Test void bytesAppendedToAFileFail() throws IOException {
    byte[] sealed = seal(random(SEGMENT));
    corrupt(Arrays.copyOf(sealed, sealed.length + 1));
    byte[] twice = Arrays.copyOf(sealed, 2 * sealed.length - HEADER_BYTES);
    System.arraycopy(sealed, HEADER_BYTES, twice, sealed.length, sealed.length - HEADER_BYTES);
    corrupt(twice);
  }

  @Test void swappedSegmentsFail() throws IOException {
    byte[] sealed = seal(random(3 * SEGMENT + 17));
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, HEADER_BYTES, swapped, HEADER_BYTES + RECORD, RECORD);
    System.arraycopy(sealed, HEADER_BYTES + RECORD, swapped, HEADER_BYTES, RECORD);
    corrupt(swapped);
  }

  @Test void aSegmentFromAnotherFileFails() throws IOException {
    byte[] plain = random(2 * SEGMENT + 3);
    byte[] a = seal(plain);
    byte[] b = seal(plain);
    System.arraycopy(b, HEADER_BYTES + RECORD, a, HEADER_BYTES + RECORD, RECORD);
    corrupt(a);
  }

  @Test void aFileThatIsNotSealedIsRefusedAtItsHeader() throws IOException {
    FerryFailure f = corrupt(random(500));
    assertTrue(f.getMessage().contains("not an encrypted Ferry file"), f.getMessage());
    byte[] future = seal(random(10));
    future[SealedFormat.MAGIC.length] = 2;
    assertTrue(corrupt(future).getMessage().contains("version 2"));
  }

  @Test void afterAFailureEveryReadFails() throws IOException {
    byte[] sealed = seal(random(2 * SEGMENT));
    sealed[HEADER_BYTES + RECORD + 100] ^= 0x40;
    try (InputStream in = new SealedInputStream(new ByteArrayInputStream(sealed), KEY, NAME)) {
      assertEquals(SEGMENT, in.readNBytes(SEGMENT).length, "the intact segment reads");
      FerryFailure first = assertThrows(FerryFailure.class, in::read);
      assertSame(first, assertThrows(FerryFailure.class, () -> in.read(new byte[10])));
    }
  }

  @Test void aClosedWriterRefusesWritesAndClosesOnce() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SealedOutputStream out = new SealedOutputStream(bytes, KEY);
    out.write(new byte[] {1, 2, 3});
    out.close();
    int size = bytes.size();
    out.close();
    assertEquals(size, bytes.size());
    assertThrows(IOException.class, () -> out.write(4));
    assertArrayEquals(new byte[] {1, 2, 3}, open(bytes.toByteArray(), KEY));
  }
}

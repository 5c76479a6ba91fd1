package dev.ferry.crypt;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs AES-GCM over throwaway messages once per JVM, so that a large restore decrypts at full
 * speed after its first few megabytes instead of its first gigabyte.
 *
 * <p>HotSpot runs AES-GCM fast only once the provider's inner methods are compiled, which takes
 * thousands of calls. Decrypting a 1 MiB segment makes only a handful (the JDK's GCM buffers a
 * ciphertext until {@code doFinal}, so it cannot be fed in pieces the way
 * {@link SealedOutputStream} feeds encryption), and a cold JDK 17 decrypted a 4 GiB file at
 * about 70 MiB/s for its first gigabyte. A thousand round trips of messages just above the JDK's
 * 64 KiB split point go through the same methods in a fraction of a second. They start only once
 * the process has decrypted {@link #AFTER_BYTES}, so restores of small files never pay for them.
 */
final class GcmWarmup {
  /** Plaintext decrypted, in all streams of this JVM, before the warm-up runs. */
  static final long AFTER_BYTES = 8L << 20;
  private static final int ROUNDS = 1_000;
  private static final int MESSAGE = 70_000;
  private static final AtomicLong DECRYPTED = new AtomicLong();

  private GcmWarmup() {}

  /** Counts {@code bytes} of decrypted plaintext, warming up on the call that crosses the mark. */
  static void decrypted(int bytes) {
    long before = DECRYPTED.getAndAdd(bytes);
    if (before < AFTER_BYTES && before + bytes >= AFTER_BYTES) {
      run();
    }
  }

  /** The round trips, under a fixed throwaway key: nothing here touches a user's key or data. */
  private static void run() {
    try {
      SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
      Cipher cipher = SealedFormat.newCipher();
      byte[] plain = new byte[MESSAGE];
      byte[] sealed = new byte[MESSAGE + SealedFormat.TAG_BYTES];
      byte[] nonce = new byte[SealedFormat.NONCE_BYTES];
      for (int i = 0; i < ROUNDS; i++) {
        // A new nonce per round: the JDK refuses to encrypt twice under one key and nonce.
        nonce[0] = (byte) i;
        nonce[1] = (byte) (i >>> 8);
        GCMParameterSpec spec = new GCMParameterSpec(SealedFormat.TAG_BITS, nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key, spec);
        int n = cipher.doFinal(plain, 0, MESSAGE, sealed, 0);
        cipher.init(Cipher.DECRYPT_MODE, key, spec);
        cipher.doFinal(sealed, 0, n, plain, 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed on its own throwaway messages", e);
    }
  }
}

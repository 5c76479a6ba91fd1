package dev.ferry.crypt;

import static java.util.Objects.requireNonNull;

import dev.ferry.error.FerryFailure;
import dev.ferry.error.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key of one backup, made from the user's secret.
 *
 * <p>The secret comes from an environment variable or a key file and is never written anywhere
 * (an accepted one is registered with {@link Secrets}, so no error message can repeat it);
 * the manifest keeps only the salt, the iteration count and {@link #check()}, which is enough to
 * tell a wrong key before any file is read and useless for decrypting. {@link #toString()} never
 * shows the key, so the object can be logged or put in a message safely.
 */
public final class BackupKey {
  /**
   * PBKDF2-HMAC-SHA256 iterations for new backups: OWASP's figure for that function (Password
   * Storage Cheat Sheet, 2023).
   *
   * <p>A passphrase has far less entropy than a key, so each guess must be made expensive; about
   * half a second here is nothing next to a backup. The count is stored in the manifest, so
   * raising it later leaves older backups readable.
   */
  public static final int ITERATIONS = 600_000;
  /** Bytes of salt per backup: 128 bits, so no two backups ever share one by chance. */
  public static final int SALT_BYTES = 16;
  /** The shortest passphrase accepted, in characters. */
  public static final int MIN_PASSPHRASE = 16;
  private static final int KEY_BYTES = 32;
  private static final int HEX_KEY_CHARS = 2 * KEY_BYTES;
  private static final int CHECK_BYTES = 16;
  /** What {@link #check()} authenticates; versioned so a future check cannot collide with it. */
  private static final byte[] CHECK_LABEL =
      "ferry backup key check v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String check;
  private final boolean stretched;

  private BackupKey(byte[] raw, boolean stretched) {
    this.key = new SecretKeySpec(raw, "AES");
    this.check = checkOf(raw);
    this.stretched = stretched;
    Arrays.fill(raw, (byte) 0);
  }

  /** Whether the key was stretched from a passphrase (false: given as 64 hex characters). */
  public boolean stretched() {
    return stretched;
  }

  /**
   * Makes the key from {@code secret}: 64 hex characters are the key itself, anything else of at
   * least {@link #MIN_PASSPHRASE} characters is a passphrase stretched with PBKDF2-HMAC-SHA256.
   *
   * <p>One trailing newline is dropped because key files end with one. A 64-character string that
   * is not all hex (or hex of another length) is a passphrase like any other: reading and writing
   * treat it alike, and a mistyped key is caught by {@link #matches}.
   *
   * @param salt the backup's salt from {@link #newSalt()} (unused for a hex key)
   * @param iterations the PBKDF2 iteration count, {@link #ITERATIONS} for a new backup or the
   *     count its manifest records
   * @throws FerryFailure {@code BACKUP_KEY} when the secret is neither; the message never repeats it
   */
  public static BackupKey derive(String secret, byte[] salt, int iterations) {
    requireNonNull(secret, "secret");
    requireNonNull(salt, "salt");
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations < 1: " + iterations);
    }
    String s = withoutTrailingNewline(secret);
    if (s.length() == HEX_KEY_CHARS && s.chars().allMatch(HexFormat::isHexDigit)) {
      Secrets.register(s);
      return new BackupKey(HexFormat.of().parseHex(s), false);
    }
    if (s.codePointCount(0, s.length()) < MIN_PASSPHRASE) {
      throw FerryFailure.of("BACKUP_KEY", "the backup key must be 64 hex characters (32 bytes) or"
          + " a passphrase of at least " + MIN_PASSPHRASE + " characters")
          .with("minPassphrase", MIN_PASSPHRASE);
    }
    if (salt.length < SALT_BYTES) {
      throw new IllegalArgumentException("salt shorter than " + SALT_BYTES + " bytes");
    }
    // Only accepted secrets are registered: a refused short one could be a common word.
    Secrets.register(s);
    return new BackupKey(pbkdf2(s, salt, iterations), true);
  }

  /** A fresh random salt for a new backup, to be kept in its manifest. */
  public static byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return salt;
  }

  /**
   * A short value for the manifest that tells whether a key is the one the backup was made with:
   * the first 16 bytes of HMAC-SHA256 over a fixed label, in unpadded base64.
   *
   * <p>Without it a wrong key would only show as a failed tag in the first file, which reads like
   * damage; with it the restore can say "wrong key" before it opens anything.
   */
  public String check() {
    return check;
  }

  /** Whether {@code check} (from a manifest) is this key's {@link #check()}, compared in constant time. */
  public boolean matches(String check) {
    requireNonNull(check, "check");
    return MessageDigest.isEqual(this.check.getBytes(StandardCharsets.US_ASCII),
        check.getBytes(StandardCharsets.US_ASCII));
  }

  /** The AES key for the sealed streams; package-private so the key bytes never leave this package. */
  SecretKeySpec secretKey() {
    return key;
  }

  /** Never the key: a key that reaches a log or an error message must not be readable there. */
  @Override public String toString() {
    return "BackupKey[hidden]";
  }

  private static String withoutTrailingNewline(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  private static byte[] pbkdf2(String passphrase, byte[] salt, int iterations) {
    char[] chars = passphrase.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BYTES * 8);
    try {
      // SunJCE feeds the characters to HMAC as UTF-8, the encoding other PBKDF2 tools use.
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime cannot run PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }

  private static String checkOf(byte[] raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      byte[] full = mac.doFinal(CHECK_LABEL);
      return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, CHECK_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime cannot run HmacSHA256", e);
    }
  }
}

package dev.ferry.crypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A backup key comes from 64 hex characters or a long passphrase, and never shows itself. */
class BackupKeyTest {
  /** Few iterations keep the tests fast; the count is a parameter, so nothing else changes. */
  private static final int FAST = 1_000;
  private static final String HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  private static final byte[] SALT = new byte[BackupKey.SALT_BYTES];

  private static byte[] raw(BackupKey key) {
    return key.secretKey().getEncoded();
  }

  @Test void sixtyFourHexCharactersAreTheKeyItself() {
    byte[] expected = HexFormat.of().parseHex(HEX);
    assertArrayEquals(expected, raw(BackupKey.derive(HEX, SALT, FAST)));
    assertArrayEquals(expected, raw(BackupKey.derive(HEX.toUpperCase(Locale.ROOT), SALT, FAST)));
    assertArrayEquals(expected, raw(BackupKey.derive(HEX + "\n", SALT, FAST)), "a key file's newline");
    assertArrayEquals(expected, raw(BackupKey.derive(HEX + "\r\n", SALT, FAST)));
    assertArrayEquals(expected, raw(BackupKey.derive(HEX, BackupKey.newSalt(), 7)), "salt unused");
  }

  @Test void hexOfAnotherLengthIsAPassphrase() {
    String almost = HEX.substring(1);
    byte[] stretched = raw(BackupKey.derive(almost, SALT, FAST));
    assertArrayEquals(stretched, raw(BackupKey.derive(almost, SALT, FAST)));
    assertFalse(Arrays.equals(HexFormat.of().parseHex("0" + almost), stretched));
  }

  @Test void aPassphraseIsStretchedWithStandardPbkdf2() {
    // The known answer for PBKDF2-HMAC-SHA256, as Python's hashlib (OpenSSL) computes it.
    byte[] salt = "saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII);
    assertEquals("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1",
        HexFormat.of().formatHex(raw(BackupKey.derive("passwordPASSWORDpassword", salt, 4096))));
    // Characters beyond ASCII are fed as UTF-8, as other tools do.
    assertEquals("55cc331f1249771ec34991b171a79be790a9d9b574fd7d0e77f0802d3a72fa12",
        HexFormat.of().formatHex(raw(BackupKey.derive("Grüße aus Zürich, 2024!\n", SALT, FAST))));
  }

  @Test void theSamePassphraseAndSaltGiveTheSameKeyAndAnotherSaltAnother() {
    String secret = "correct horse battery staple";
    byte[] a = raw(BackupKey.derive(secret, SALT, FAST));
    assertArrayEquals(a, raw(BackupKey.derive(secret, SALT.clone(), FAST)));
    byte[] other = SALT.clone();
    other[15] = 1;
    assertFalse(Arrays.equals(a, raw(BackupKey.derive(secret, other, FAST))));
    assertFalse(Arrays.equals(a, raw(BackupKey.derive(secret, SALT, FAST + 1))));
    assertEquals(32, a.length);
  }

  @Test void aShortPassphraseIsRefusedWithoutRepeatingIt() {
    String secret = "Tr0ub4dor&3xyzq";
    assertEquals(15, secret.length());
    FerryFailure f = assertThrows(FerryFailure.class, () -> BackupKey.derive(secret, SALT, FAST));
    assertEquals("BACKUP_KEY", f.code());
    assertTrue(f.getMessage().contains("64 hex characters") && f.getMessage().contains("16"),
        f.getMessage());
    assertFalse(f.getMessage().contains(secret), f.getMessage());
    assertFalse(f.toString().contains(secret), f.toString());
    assertEquals("BACKUP_KEY",
        assertThrows(FerryFailure.class, () -> BackupKey.derive("\n", SALT, FAST)).code());
    BackupKey.derive(secret + "!", SALT, FAST);
  }

  @Test void anAcceptedSecretIsMaskedInEveryLaterMessage() {
    String secret = "a passphrase someone might echo";
    BackupKey.derive(secret + "\n", SALT, FAST);
    FerryFailure f = FerryFailure.of("JVM_ERROR", "cannot parse '" + secret + "'");
    assertFalse(f.getMessage().contains(secret), f.getMessage());
  }

  @Test void lengthIsCountedInCharactersNotBytes() {
    String fifteen = "äöü".repeat(5);
    assertThrows(FerryFailure.class, () -> BackupKey.derive(fifteen, SALT, FAST));
    BackupKey.derive(fifteen + "ß", SALT, FAST);
  }

  @Test void aPassphraseNeedsARealSalt() {
    assertThrows(IllegalArgumentException.class,
        () -> BackupKey.derive("a long enough passphrase", new byte[4], FAST));
    assertThrows(IllegalArgumentException.class,
        () -> BackupKey.derive("a long enough passphrase", SALT, 0));
  }

  @Test void saltsAreFreshEachTime() {
    assertEquals(16, BackupKey.newSalt().length);
    assertFalse(Arrays.equals(BackupKey.newSalt(), BackupKey.newSalt()));
  }

  @Test void theCheckTellsTheRightKeyFromAWrongOne() {
    BackupKey key = BackupKey.derive(HEX, SALT, FAST);
    // HMAC-SHA256 of the label under the key, first 16 bytes, as Python's hmac computes it.
    assertEquals("XqFXV1Jjwav4cC+whnfvOw", key.check());
    assertTrue(key.matches(key.check()));
    assertTrue(BackupKey.derive(HEX + "\n", SALT, FAST).matches(key.check()));
    BackupKey other = BackupKey.derive("an entirely different passphrase", SALT, FAST);
    assertNotEquals(key.check(), other.check());
    assertFalse(other.matches(key.check()));
    assertFalse(key.matches(""));
    assertFalse(key.matches("not base64 at all!"));
  }

  @Test void toStringHidesTheKey() {
    BackupKey key = BackupKey.derive(HEX, SALT, FAST);
    assertFalse(key.toString().contains(HEX.substring(0, 8)), key.toString());
    assertFalse(key.toString().contains(key.check()), key.toString());
  }
}

package dev.ferry;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * Text crossing the bridge as UTF-8 bytes.
 *
 * <p>java-bridge converts strings through JNI's modified UTF-8, which mangles characters outside
 * the Basic Multilingual Plane (emoji, many CJK extensions) in both directions. Every string a
 * user wrote (SQL, config, names) therefore travels as a byte array.
 */
final class Utf8 {
  /** JSON mapper whose output is pure ASCII, safe inside exception messages. */
  static final ObjectMapper ASCII_JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private Utf8() {}

  static String in(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static byte[] out(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.ferry;

import com.fasterxml.jackson.databind.JsonNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Reading the string fields of the JSON requests Node sends. */
final class JsonFields {
  private JsonFields() {}

  /** The field as text; null when absent or JSON null. */
  static @Nullable String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The field as non-empty text; a USAGE failure naming the field and {@code what} otherwise. */
  static String required(JsonNode node, String key, String what) {
    String v = text(node, key);
    if (v == null || v.isEmpty()) {
      throw FerryFailure.of("USAGE", what + " needs \"" + key + "\"");
    }
    return v;
  }
}

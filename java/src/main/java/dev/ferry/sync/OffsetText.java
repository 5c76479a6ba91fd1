package dev.ferry.sync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * A source record's partition and offset as the text Kafka Connect's offset writer stores: the
 * key {@code ["<engine name>", {partition}]} and the value {@code {offset}}, both through the
 * JSON converter without schemas. What the target keeps is then exactly what
 * {@link TargetOffsetStore} hands back to the engine.
 */
final class OffsetText {
  private final String engineName;
  private final JsonConverter converter = new JsonConverter();

  OffsetText(String engineName) {
    this.engineName = engineName;
    converter.configure(Map.of("schemas.enable", "false", "converter.type", "key"));
  }

  /** The stored key of {@code partition}. */
  String key(Map<String, ?> partition) {
    return text(converter.fromConnectData(engineName, null, Arrays.asList(engineName, partition)));
  }

  /** The stored value of {@code offset}. */
  String value(Map<String, ?> offset) {
    return text(converter.fromConnectData(engineName, null, offset));
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}

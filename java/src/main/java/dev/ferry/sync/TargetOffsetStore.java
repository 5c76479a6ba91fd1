package dev.ferry.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Debezium's offset store for a sync: starts with the offset the target holds (handed over
 * through {@link #seed} under the engine's {@code ferry.sync.seed} property before the engine
 * starts) and keeps later offsets in memory only. The durable copy is written by the applier in
 * the same target transaction as the rows ({@link SyncState#applied}); the engine's own flush
 * only tells the source what it may release (a PostgreSQL slot's confirmed position), and it
 * comes after the target commit.
 */
public final class TargetOffsetStore extends MemoryOffsetBackingStore {
  /** The engine property naming this store's seed. */
  static final String SEED_PROPERTY = "ferry.sync.seed";

  private static final Map<String, Map<ByteBuffer, ByteBuffer>> SEEDS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private @Nullable String seedName;

  /** Kafka Connect instantiates the store by its class name. */
  public TargetOffsetStore() {}

  /**
   * Hands the offset stored in the target (the serialized key and value, as Kafka Connect's JSON
   * converter writes them) to the store the engine named {@code name} will create; nothing to
   * hand over for a job that has applied nothing yet.
   */
  static void seed(String name, @Nullable String key, @Nullable String value) {
    Map<ByteBuffer, ByteBuffer> m = new LinkedHashMap<>();
    if (key != null && value != null) {
      m.put(bytes(key), bytes(value));
    }
    SEEDS.put(name, m);
  }

  /** Drops a seed the engine never took (it failed before starting its store). */
  static void unseed(String name) {
    SEEDS.remove(name);
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override public void configure(WorkerConfig config) {
    super.configure(config);
    Object name = config.originals().get(SEED_PROPERTY);
    this.seedName = name == null ? null : name.toString();
  }

  @Override public synchronized void start() {
    super.start();
    if (seedName != null) {
      Map<ByteBuffer, ByteBuffer> seed = SEEDS.remove(seedName);
      if (seed != null) {
        data.putAll(seed);
      }
    }
  }

  @Override public Set<Map<String, Object>> connectorPartitions(String connectorName) {
    Set<Map<String, Object>> out = new HashSet<>();
    for (ByteBuffer key : data.keySet()) {
      try {
        JsonNode k = JSON.readTree(StandardCharsets.UTF_8.decode(key.duplicate()).toString());
        if (k.isArray() && k.size() == 2 && connectorName.equals(k.get(0).asText())) {
          @SuppressWarnings("unchecked")
          Map<String, Object> partition = JSON.convertValue(k.get(1), Map.class);
          out.add(partition);
        }
      } catch (IOException e) {
        // A key this store did not write: not one of this connector's partitions.
      }
    }
    return out;
  }
}

package dev.ferry.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.message.Messages;
import dev.ferry.message.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The messages Node and the JVM exchange: generated TypeScript, round trips, enum words. */
class ContractTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path GENERATED = Path.of("../src/bridge/contract.gen.ts");

  @Test void theCommittedTypeScriptContractIsCurrent() throws Exception {
    assertEquals(Files.readString(GENERATED, StandardCharsets.UTF_8),
        TypeScriptContract.generate(SOURCES),
        "src/bridge/contract.gen.ts is stale: run `npm run build:java`");
  }

  @Test void theGeneratedContractHasEveryMessageAndItsDefaults() {
    String ts = TypeScriptContract.generate(SOURCES);
    for (Class<?> c : Contract.REQUESTS) {
      assertTrue(ts.contains("export const " + c.getSimpleName() + " = z.strictObject({"), c.getName());
    }
    assertTrue(ts.contains("export const ResolvedCopyRequest = z.strictObject({"),
        "a record sent both ways gets a reply schema of its own");
    assertTrue(ts.contains("export const CopyMode = z.enum(['append', 'replace', 'upsert', 'incremental']);"));
    assertTrue(ts.contains("  chunkRows: z.number().int().min(1).optional(),\n"));
    assertTrue(ts.contains("  mode: 'append',\n"), "defaults as TypeScript literals");
    assertTrue(ts.contains("  parallel: 2,\n"));
    assertTrue(ts.contains("  class: z.string(),\n"), "@JsonProperty names fields");
    assertTrue(ts.contains("  default: z.string().nullable(),\n"));
    assertTrue(ts.contains("/** rows per chunk (per committed transaction) */"), "Javadoc carried over");
  }

  static Stream<Class<? extends Record>> messages() {
    Set<Class<? extends Record>> all = new LinkedHashSet<>(Contract.REQUESTS);
    all.addAll(Contract.REPLIES);
    return all.stream();
  }

  @ParameterizedTest(name = "{0}") @MethodSource("messages")
  void everyMessageSurvivesARoundTrip(Class<? extends Record> type) {
    Record example = example(type);
    byte[] json = Messages.write(example);
    Record back = Messages.read(json, type);
    assertEquals(new String(json, StandardCharsets.UTF_8),
        new String(Messages.write(back), StandardCharsets.UTF_8));
    if (!holdsJsonOrMaps(type, new LinkedHashSet<>())) {
      assertEquals(example, back);
    }
  }

  @Test void everyEnumInAMessageIsAWireEnum() {
    Set<Class<?>> enums = new LinkedHashSet<>();
    Set<Class<?>> seen = new LinkedHashSet<>();
    messages().forEach(t -> enumsOf(t, enums, seen));
    assertFalse(enums.isEmpty());
    for (Class<?> e : enums) {
      assertTrue(Wire.class.isAssignableFrom(e), e.getName() + " travels but is not a Wire enum");
      Set<String> words = new LinkedHashSet<>();
      for (Object c : e.getEnumConstants()) {
        assertTrue(words.add(((Wire) c).wire()), e.getName() + ": two constants travel as one word");
      }
    }
  }

  private static void enumsOf(Class<?> type, Set<Class<?>> enums, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      for (Class<?> t : mentioned(c.getGenericType())) {
        if (t.isEnum()) {
          enums.add(t);
        } else if (t.isRecord()) {
          enumsOf(t, enums, seen);
        }
      }
    }
  }

  private static List<Class<?>> mentioned(Type type) {
    List<Class<?>> out = new ArrayList<>();
    if (type instanceof ParameterizedType p) {
      for (Type a : p.getActualTypeArguments()) {
        out.addAll(mentioned(a));
      }
    } else if (type instanceof Class<?> c) {
      out.add(c);
    }
    return out;
  }

  private static boolean holdsJsonOrMaps(Class<?> type, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return false;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getType() == JsonNode.class || Map.class.isAssignableFrom(c.getType())) {
        return true;
      }
      for (Class<?> t : mentioned(c.getGenericType())) {
        if (t == JsonNode.class || t.isRecord() && holdsJsonOrMaps(t, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- example values ----

  /**
   * An instance of {@code type} with every field set: "x", 1, true, the first constant, one
   * element, one entry. A record whose constructor refuses that (CopyRequest: a watermark only
   * with an incremental copy) is built again with its nullable fields null.
   */
  static Record example(Class<? extends Record> type) {
    try {
      return build(type, false);
    } catch (RuntimeException refused) {
      return build(type, true);
    }
  }

  private static Record build(Class<? extends Record> type, boolean nullsWherePossible) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = nullsWherePossible && Messages.nullable(components[i]) ? null
          : value(components[i].getGenericType());
    }
    try {
      Constructor<? extends Record> ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object value(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return List.of(value(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of("k", value(args[1]));
      }
      throw new IllegalStateException("no example for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return "x";
    }
    if (c == boolean.class || c == Boolean.class) {
      return true;
    }
    if (c == int.class || c == Integer.class) {
      return 1;
    }
    if (c == long.class || c == Long.class) {
      return 1L;
    }
    if (c == double.class || c == Double.class) {
      return 1.0;
    }
    if (c == JsonNode.class) {
      return Messages.JSON.createObjectNode().put("a", 1).put("b", "x");
    }
    if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    if (c.isRecord()) {
      return example((Class<? extends Record>) c);
    }
    throw new IllegalStateException("no example for " + c.getName());
  }
}

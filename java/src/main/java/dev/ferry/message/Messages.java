package dev.ferry.message;

import dev.ferry.error.FerryFailure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads and writes the messages Node and the JVM exchange: Java records, as JSON.
 *
 * <p>Reading is strict, so the two sides cannot drift apart unnoticed: an unknown field, a
 * missing required one, a value of the wrong kind or below its {@link Min} is a {@code USAGE}
 * failure naming the message and the field. A field Node leaves out takes its {@link Default};
 * a {@link Nullable} one without a default becomes null. Lists, maps, nested records,
 * {@link Wire} enums and raw {@link JsonNode} fields are supported, which is all the contract
 * uses; the TypeScript side is generated from the same records
 * ({@code dev.ferry.wire.TypeScriptContract}).
 */
public final class Messages {
  /** The mapper every message is written with: records as objects, enums as their words. */
  public static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new SimpleModule("ferry-wire").addSerializer(Wire.class, new WireSerializer()))
      .build();

  private Messages() {}

  /** Reads one message of type {@code type} from UTF-8 JSON. */
  public static <R extends Record> R read(byte[] json, Class<R> type) {
    requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (IOException e) {
      throw FerryFailure.of("USAGE", what(type) + " is not valid JSON: " + String.valueOf(e.getMessage()).split("\n", 2)[0]);
    }
    return read(tree, type);
  }

  /** Reads one message of type {@code type} from a parsed tree. */
  public static <R extends Record> R read(@Nullable JsonNode tree, Class<R> type) {
    return type.cast(record(tree, type, what(type)));
  }

  /** Writes a message as UTF-8 JSON. */
  public static byte[] write(Object message) {
    try {
      return JSON.writeValueAsBytes(message);
    } catch (IOException e) {
      throw FerryFailure.wrap(e, "writing " + message.getClass().getSimpleName());
    }
  }

  /** The name a record component travels under ({@link JsonProperty} or its own). */
  public static String jsonName(RecordComponent c) {
    JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
    if (p == null) {
      p = c.getAnnotation(JsonProperty.class);
    }
    return p != null && !p.value().isEmpty() ? p.value() : c.getName();
  }

  /** Whether a record component may hold null (it carries {@link Nullable}). */
  public static boolean nullable(RecordComponent c) {
    return c.getAnnotatedType().isAnnotationPresent(Nullable.class)
        || c.isAnnotationPresent(Nullable.class);
  }

  /** The message's name in failures: {@code CopyRequest} → "a copy request". */
  static String what(Class<?> type) {
    String words = type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return (words.matches("^[aeiou].*") ? "an " : "a ") + words;
  }

  private static Object record(@Nullable JsonNode node, Class<?> type, String where) {
    if (node == null || !node.isObject()) {
      throw usage(where + " must be a JSON object");
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known = new LinkedHashSet<>();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String name = jsonName(c);
      known.add(name);
      types[i] = c.getType();
      JsonNode v = node.get(name);
      String field = where + ": field '" + name + "'";
      if (v == null || v.isNull()) {
        Default d = c.getAnnotation(Default.class);
        if (d != null) {
          try {
            v = JSON.readTree(d.value());
          } catch (IOException e) {
            throw new IllegalStateException("bad @Default on " + type.getName() + "." + name, e);
          }
        } else if (nullable(c)) {
          args[i] = null;
          continue;
        } else if (c.getType() == JsonNode.class) {
          args[i] = node.get(name);
          continue;
        } else {
          throw usage(where + " needs field '" + name + "'");
        }
      }
      args[i] = value(v, c.getGenericType(), field);
      Min min = c.getAnnotation(Min.class);
      if (min != null && args[i] instanceof Number n && n.longValue() < min.value()) {
        throw usage(field + " must be at least " + min.value() + ", not " + n);
      }
    }
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        unknown.add(f);
      }
    });
    if (!unknown.isEmpty()) {
      throw usage(where + " has unknown field" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown) + "; it takes " + String.join(", ", known));
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw FerryFailure.wrap(e.getCause(), "reading " + where);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  private static Object value(JsonNode v, Type type, String field) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        if (!v.isArray()) {
          throw usage(field + " must be a list");
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode e : v) {
          out.add(e.isNull() ? null : value(e, p.getActualTypeArguments()[0], field));
        }
        return java.util.Collections.unmodifiableList(out);
      }
      if (Map.class.isAssignableFrom(raw)) {
        if (!v.isObject()) {
          throw usage(field + " must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(),
            value(e.getValue(), p.getActualTypeArguments()[1], field)));
        return java.util.Collections.unmodifiableMap(out);
      }
      throw new IllegalStateException("unsupported message type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      if (!v.isTextual()) {
        throw usage(field + " must be a string");
      }
      return v.asText();
    }
    if (c == boolean.class || c == Boolean.class) {
      if (!v.isBoolean()) {
        throw usage(field + " must be true or false");
      }
      return v.asBoolean();
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      if (!v.isIntegralNumber() || (c == int.class || c == Integer.class) && !v.canConvertToInt()
          || !v.canConvertToLong()) {
        throw usage(field + " must be a whole number");
      }
      return c == int.class || c == Integer.class ? (Object) v.asInt() : (Object) v.asLong();
    }
    if (c == double.class || c == Double.class) {
      if (!v.isNumber()) {
        throw usage(field + " must be a number");
      }
      return v.asDouble();
    }
    if (c == JsonNode.class) {
      return v;
    }
    if (c.isEnum() && Wire.class.isAssignableFrom(c)) {
      String word = v.asText();
      List<String> words = new ArrayList<>();
      for (Object e : c.getEnumConstants()) {
        String w = ((Wire) e).wire();
        if (w.equalsIgnoreCase(word) && v.isTextual()) {
          return e;
        }
        words.add(w);
      }
      throw usage(field + " is '" + word + "', not one of " + String.join(", ", words));
    }
    if (c.isRecord()) {
      return record(v, c, field);
    }
    throw new IllegalStateException("unsupported message type " + c.getName());
  }

  private static FerryFailure usage(String message) {
    return FerryFailure.of("USAGE", message);
  }

  /** Writes a {@link Wire} enum as its word. */
  private static final class WireSerializer extends StdSerializer<Wire> {
    private static final long serialVersionUID = 1L;

    WireSerializer() {
      super(Wire.class);
    }

    @Override public void serialize(Wire value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.wire());
    }
  }
}

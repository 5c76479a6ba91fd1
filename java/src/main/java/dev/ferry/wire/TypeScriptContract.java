package dev.ferry.wire;

import dev.ferry.message.AddedLater;
import dev.ferry.message.Default;
import dev.ferry.message.Messages;
import dev.ferry.message.Min;
import dev.ferry.message.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes the TypeScript side of the contract ({@code src/bridge/contract.gen.ts}) from the
 * message records {@link Contract} lists: one zod schema per record and enum, the type it
 * validates, the defaults, and the records' own Javadoc.
 *
 * <p>Requests (what Node sends) make fields with a {@link Default} or {@link Nullable} optional;
 * replies (what the JVM writes) have every field, null where {@link Nullable}. A record used both
 * ways gets both: the request under its name, the reply as {@code Resolved<Name>}. The build runs
 * {@link #main}; a unit test fails when the committed file differs from what the records give.
 */
public final class TypeScriptContract {
  private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

  private enum Flavour { REQUEST, REPLY }

  private record Node(Class<?> type, Flavour flavour) {}

  private final Path sources;
  private final Set<Class<?>> requestTypes = new LinkedHashSet<>();
  private final Set<Class<?>> replyTypes = new LinkedHashSet<>();
  private final Set<Object> emitted = new LinkedHashSet<>();
  private final StringBuilder out = new StringBuilder();

  private TypeScriptContract(Path sources) {
    this.sources = sources;
  }

  /** Writes the contract to {@code args[1]}, reading Javadoc from the sources under {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TypeScriptContract JAVA_SOURCES OUTPUT.ts");
    }
    Files.writeString(Path.of(args[1]), generate(Path.of(args[0])), StandardCharsets.UTF_8);
  }

  /** The contract's TypeScript text, with Javadoc read from the sources under {@code sources}. */
  public static String generate(Path sources) {
    TypeScriptContract g = new TypeScriptContract(sources);
    Contract.REQUESTS.forEach(t -> g.collect(t, Flavour.REQUEST));
    Contract.REPLIES.forEach(t -> g.collect(t, Flavour.REPLY));
    g.out.append("// Generated from the Java message records by dev.ferry.wire.TypeScriptContract;\n")
        .append("// do not edit. `npm run build:java` writes it; a Java unit test fails when it is stale.\n")
        .append("import { z } from 'zod';\n");
    Contract.REQUESTS.forEach(t -> g.emit(new Node(t, Flavour.REQUEST)));
    Contract.REPLIES.forEach(t -> g.emit(new Node(t, Flavour.REPLY)));
    return g.out.toString();
  }

  private void collect(Class<?> type, Flavour flavour) {
    if (!type.isRecord() || !(flavour == Flavour.REQUEST ? requestTypes : replyTypes).add(type)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      for (Class<?> t : mentioned(c.getGenericType())) {
        collect(t, flavour);
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

  /** The schema's name: nested records joined to their outer ones ({@code SnapshotTable}). */
  private String name(Class<?> type, Flavour flavour) {
    String base = type.getSimpleName();
    for (Class<?> o = type.getEnclosingClass(); o != null; o = o.getEnclosingClass()) {
      base = o.getSimpleName() + base;
    }
    return flavour == Flavour.REPLY && requestTypes.contains(type) && !type.isEnum()
        ? "Resolved" + base : base;
  }

  private void emit(Node node) {
    Object key = node.type().isEnum() ? node.type() : node;
    if (emitted.contains(key)) {
      return;
    }
    emitted.add(key);
    Class<?> type = node.type();
    if (type.isEnum()) {
      emitEnum(type);
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      for (Class<?> t : mentioned(c.getGenericType())) {
        if (t.isRecord() || t.isEnum()) {
          emit(new Node(t, node.flavour()));
        }
      }
    }
    Doc doc = doc(type);
    String name = name(type, node.flavour());
    out.append('\n').append(comment(doc.summary(), ""));
    out.append("export const ").append(name).append(" = z.strictObject({\n");
    for (RecordComponent c : type.getRecordComponents()) {
      String fieldDoc = doc.params().get(c.getName());
      if (fieldDoc != null) {
        out.append(comment(fieldDoc, "  "));
      }
      out.append("  ").append(Messages.jsonName(c)).append(": ").append(field(c, node.flavour()))
          .append(",\n");
    }
    out.append("});\n");
    out.append(comment(doc.summary(), "")).append("export type ").append(name).append(" = z.")
        .append(node.flavour() == Flavour.REQUEST ? "input" : "output").append("<typeof ")
        .append(name).append(">;\n");
    if (node.flavour() == Flavour.REQUEST) {
      Map<String, String> defaults = new LinkedHashMap<>();
      for (RecordComponent c : type.getRecordComponents()) {
        Default d = c.getAnnotation(Default.class);
        if (d != null) {
          defaults.put(Messages.jsonName(c), d.value());
        }
      }
      if (!defaults.isEmpty()) {
        out.append("/** The JVM's defaults for what a `").append(name)
            .append("` leaves out (the only place they are written is the Java record). */\n")
            .append("export const ").append(Character.toLowerCase(name.charAt(0)))
            .append(name.substring(1)).append("Defaults = {\n");
        defaults.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v.replace('"', '\''))
            .append(",\n"));
        out.append("} as const;\n");
      }
    }
  }

  private void emitEnum(Class<?> type) {
    if (!Wire.class.isAssignableFrom(type)) {
      throw new IllegalStateException(type.getName() + " travels in a message but is not a Wire enum");
    }
    List<String> words = new ArrayList<>();
    for (Object e : type.getEnumConstants()) {
      words.add("'" + ((Wire) e).wire() + "'");
    }
    String name = name(type, Flavour.REPLY);
    out.append('\n').append(comment(doc(type).summary(), ""));
    out.append("export const ").append(name).append(" = z.enum([").append(String.join(", ", words))
        .append("]);\n");
    out.append("export type ").append(name).append(" = z.infer<typeof ").append(name).append(">;\n");
  }

  private String field(RecordComponent c, Flavour flavour) {
    String s = schema(c.getGenericType(), flavour);
    Min min = c.getAnnotation(Min.class);
    if (min != null) {
      s += ".min(" + min.value() + ")";
    }
    boolean nullable = Messages.nullable(c);
    if (nullable) {
      s += ".nullable()";
    }
    if (flavour == Flavour.REQUEST && (nullable || c.isAnnotationPresent(Default.class))
        || nullable && c.isAnnotationPresent(AddedLater.class)) {
      s += ".optional()";
    }
    return s;
  }

  private String schema(Type type, Flavour flavour) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return "z.array(" + schema(args[0], flavour) + ")";
      }
      if (Map.class.isAssignableFrom(raw)) {
        return "z.record(z.string(), " + schema(args[1], flavour) + ")";
      }
    } else if (type instanceof Class<?> c) {
      if (c == String.class) {
        return "z.string()";
      }
      if (c == boolean.class || c == Boolean.class) {
        return "z.boolean()";
      }
      if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
        return "z.number().int()";
      }
      if (c == double.class || c == Double.class) {
        return "z.number()";
      }
      if (c == JsonNode.class) {
        return "z.unknown()";
      }
      if (c.isEnum()) {
        return name(c, Flavour.REPLY);
      }
      if (c.isRecord()) {
        return name(c, flavour);
      }
    }
    throw new IllegalStateException("no TypeScript for message type " + type);
  }

  /** A record's or enum's Javadoc: its first paragraph and its {@code @param} texts. */
  private record Doc(String summary, Map<String, String> params) {}

  private Doc doc(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    Path file = sources.resolve(top.getName().replace('.', '/') + ".java");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Doc("", Map.of());
    }
    Matcher decl = Pattern.compile("\\b(record|enum)\\s+" + type.getSimpleName() + "\\b").matcher(text);
    if (!decl.find()) {
      return new Doc("", Map.of());
    }
    String before = text.substring(0, decl.start());
    Matcher m = JAVADOC.matcher(before);
    String last = null;
    int end = -1;
    while (m.find()) {
      last = m.group(1);
      end = m.end();
    }
    if (last == null || !before.substring(end).replaceAll("@\\w+(\\([^)]*\\))?", "").replaceAll(
        "\\b(public|static|final|private)\\b", "").isBlank()) {
      return new Doc("", Map.of());
    }
    List<String> lines = new ArrayList<>();
    for (String l : last.split("\n")) {
      lines.add(l.strip().replaceFirst("^\\*\\s?", ""));
    }
    StringBuilder summary = new StringBuilder();
    Map<String, String> params = new LinkedHashMap<>();
    String param = null;
    boolean inSummary = true;
    for (String l : lines) {
      if (l.startsWith("@param ")) {
        String[] parts = l.substring(7).strip().split("\\s+", 2);
        param = parts[0];
        params.put(param, parts.length > 1 ? parts[1] : "");
        inSummary = false;
      } else if (l.startsWith("@")) {
        param = null;
        inSummary = false;
      } else if (param != null) {
        params.put(param, (params.get(param) + " " + l).strip());
      } else if (inSummary) {
        if (l.startsWith("<p>") && summary.length() > 0) {
          inSummary = false;
        } else {
          summary.append(summary.length() == 0 ? "" : " ").append(l);
        }
      }
    }
    params.replaceAll((k, v) -> plain(v));
    return new Doc(plain(summary.toString()), params);
  }

  /** Javadoc markup as plain text: {@code {@code x}} becomes {@code `x`}. */
  private static String plain(String s) {
    return s.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link #?([^}]*)}", "`$1`")
        .replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
  }

  private static String comment(String text, String indent) {
    if (text.isBlank()) {
      return "";
    }
    return indent + "/** " + text.replace("*/", "* /") + " */\n";
  }
}

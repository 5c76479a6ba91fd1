package dev.ferry.error;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one exception Node receives: a stable code plus the Java message, encoded as JSON.
 *
 * <p>java-bridge turns a Java throwable into a JavaScript error whose message is the throwable's
 * {@code toString()}, so the structured part travels between {@link #BEGIN} and {@link #END}
 * markers and Node's bridge decodes it into a {@code FerryError}.
 */
public final class FerryFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Marks the start of the JSON envelope inside the message. */
  public static final String BEGIN = "<<ferry:";
  /** Marks the end of the JSON envelope inside the message. */
  public static final String END = ":ferry>>";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Writes pure ASCII, safe inside an exception message whatever java-bridge does to it. */
  private static final ObjectMapper ASCII_JSON = com.fasterxml.jackson.databind.json.JsonMapper
      .builder().enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final Pattern PARSE_POS =
      Pattern.compile("line (\\d+), column (\\d+)", Pattern.CASE_INSENSITIVE);

  private final String code;
  private final ObjectNode meta;

  private FerryFailure(String code, String message, ObjectNode meta, @Nullable Throwable cause) {
    super(Secrets.scrub(message), cause);
    this.code = code;
    this.meta = meta;
  }

  /** Creates a failure with a code Node maps to its error hierarchy. */
  public static FerryFailure of(String code, String message) {
    return new FerryFailure(code, message, JSON.createObjectNode(), null);
  }

  /** The stable code, e.g. {@code SQL_SYNTAX} or {@code CONNECTION_FAILED}. */
  public String code() {
    return code;
  }

  /** Adds a detail field to the envelope (its text is scrubbed of secrets when it is sent). */
  public FerryFailure with(String key, @Nullable Object value) {
    meta.set(key, JSON.valueToTree(value));
    return this;
  }

  /** A detail added with {@link #with}, or null: what a later hint reads, e.g. a parse error's line. */
  public @Nullable JsonNode detail(String key) {
    return meta.get(key);
  }

  /** This failure with {@code hint} appended to its message; its code and details are kept. */
  public FerryFailure hinted(String hint) {
    return new FerryFailure(code, getMessage() + hint, meta.deepCopy(), getCause());
  }

  @Override public String toString() {
    ObjectNode env = JSON.createObjectNode();
    env.put("code", code);
    env.put("message", getMessage());
    env.set("meta", scrubbed(meta));
    try {
      return "FerryFailure " + BEGIN + ASCII_JSON.writeValueAsString(env) + END;
    } catch (JsonProcessingException e) {
      return "FerryFailure " + code;
    }
  }

  /**
   * Classifies any throwable from a Ferry call into one failure, keeping the deepest useful
   * message: a failure already made is passed on, parse and validation errors keep their
   * position, SQL errors keep their SQL state.
   */
  public static FerryFailure wrap(Throwable t, String doing) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    SqlParseException parse = null;
    CalciteContextException context = null;
    SQLException sql = null;
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof FerryFailure f) {
        return f;
      }
      if (parse == null && c instanceof SqlParseException p) {
        parse = p;
      }
      if (context == null && c instanceof CalciteContextException x) {
        context = x;
      }
      if (c instanceof SQLException s && (sql == null || s.getSQLState() != null)) {
        // The deepest SQL error with a state wins; SQLite's driver reports none at all.
        sql = s;
      }
    }
    if (parse != null) {
      String msg = firstLine(parse.getMessage());
      FerryFailure f = new FerryFailure("SQL_SYNTAX", "SQL syntax error: " + msg,
          JSON.createObjectNode(), null);
      if (parse.getPos() != null && parse.getPos().getLineNum() > 0) {
        f.with("line", parse.getPos().getLineNum()).with("column", parse.getPos().getColumnNum());
      } else {
        Matcher m = PARSE_POS.matcher(String.valueOf(parse.getMessage()));
        if (m.find()) {
          f.with("line", Integer.parseInt(m.group(1))).with("column", Integer.parseInt(m.group(2)));
        }
      }
      return f;
    }
    if (context != null) {
      String inner = context.getCause() == null ? context.getMessage() : context.getCause().getMessage();
      return new FerryFailure("SQL_VALIDATION", String.valueOf(inner), JSON.createObjectNode(), null)
          .with("line", context.getPosLine())
          .with("column", context.getPosColumn());
    }
    if (sql != null) {
      String state = sql.getSQLState();
      boolean conn = state != null && (state.startsWith("08") || state.startsWith("28"));
      return new FerryFailure(conn ? "CONNECTION_FAILED" : "SQL_EXECUTION",
          doing + ": " + firstLine(sql.getMessage()), JSON.createObjectNode(), null)
          .with("sqlState", state)
          .with("vendorCode", sql.getErrorCode());
    }
    String msg = deepestMessage(t);
    return new FerryFailure("JVM_ERROR", doing + ": " + msg, JSON.createObjectNode(), null)
        .with("javaClass", t.getClass().getName());
  }

  /** {@code node} with every text inside it scrubbed of secrets (details may nest). */
  private static JsonNode scrubbed(JsonNode node) {
    if (node.isTextual()) {
      return JSON.getNodeFactory().textNode(Secrets.scrub(node.asText()));
    }
    if (node instanceof ObjectNode o) {
      ObjectNode copy = JSON.createObjectNode();
      o.fields().forEachRemaining(e -> copy.set(e.getKey(), scrubbed(e.getValue())));
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = JSON.createArrayNode();
      a.forEach(v -> copy.add(scrubbed(v)));
      return copy;
    }
    return node;
  }

  private static String deepestMessage(Throwable t) {
    String best = t.toString();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        best = c.getMessage();
      }
    }
    return firstLine(best);
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}

package dev.ferry.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints the 22 TPC-H queries that io.trino.tpch ships as resources
 * ({@code io/trino/tpch/queries/q<N>.sql}, with the spec's validation parameters already
 * substituted), as one JSON object on stdout: {@code {"1": "SELECT …", …, "22": "…"}}. The
 * federation benchmark adapts them to each target (scripts/bench/lib/tpch-queries.js).
 *
 * <p>Usage: {@code TpchQueries} (no arguments).
 */
public final class TpchQueries {
  private TpchQueries() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws IOException {
    StringBuilder json = new StringBuilder("{");
    for (int n = 1; n <= 22; n++) {
      String resource = "/io/trino/tpch/queries/q" + n + ".sql";
      try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("io.trino.tpch ships no " + resource);
        }
        if (n > 1) json.append(',');
        json.append('"').append(n).append("\":");
        quote(json, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    System.out.println(json.append('}'));
  }

  /** Appends {@code s} as a JSON string. */
  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
      }
    }
    out.append('"');
  }
}

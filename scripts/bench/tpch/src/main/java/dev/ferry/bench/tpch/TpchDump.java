package dev.ferry.bench.tpch;

import static java.util.Objects.requireNonNull;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a whole TPC-H database (the eight tables of io.trino.tpch's generator) as one text file
 * per table, {@code <table>.tbl}: fields separated by {@code |}, no trailing separator, no
 * quoting, dates as {@code YYYY-MM-DD}, money with two decimals. That is the text format that
 * PostgreSQL's COPY (DELIMITER '|'), MariaDB's LOAD DATA (FIELDS TERMINATED BY '|') and the
 * sqlite3 shell's {@code .import} all read as is, so the benchmark loads its sources with each
 * engine's own bulk path and never through Ferry.
 *
 * <p>Usage: {@code TpchDump <scale factor> <output folder> [threads]}. Tables are generated in
 * parallel, largest first; the last line printed on stdout is JSON: the scale factor, the seconds
 * taken and, per table, its row count and columns ({@code name}, generator type).
 */
public final class TpchDump {
  private TpchDump() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: TpchDump <scale factor> <output folder> [threads]");
      System.exit(2);
    }
    double scale = Double.parseDouble(args[0]);
    Path out = Path.of(args[1]);
    int threads = args.length == 3 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    Files.createDirectories(out);
    long started = System.nanoTime();

    // Largest first, so the long tables never start last.
    List<TpchTable<?>> tables = new ArrayList<>(TpchTable.getTables());
    tables.sort(Comparator.comparingInt(TpchDump::weight).reversed());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    Map<String, Future<Long>> rows = new LinkedHashMap<>();
    try {
      for (TpchTable<?> t : tables) {
        rows.put(t.getTableName(), pool.submit(() -> write(t, scale, out.resolve(t.getTableName() + ".tbl"))));
      }
      StringBuilder json = new StringBuilder();
      json.append("{\"sf\":").append(scale).append(",\"tables\":{");
      boolean first = true;
      for (TpchTable<?> t : TpchTable.getTables()) {
        if (!first) json.append(',');
        first = false;
        json.append('"').append(t.getTableName()).append("\":{\"rows\":").append(rows.get(t.getTableName()).get());
        json.append(",\"columns\":[");
        boolean firstColumn = true;
        for (TpchColumn<?> c : t.getColumns()) {
          if (!firstColumn) json.append(',');
          firstColumn = false;
          json.append("{\"name\":\"").append(c.getColumnName()).append("\",\"type\":\"")
              .append(c.getType().getBase().name().toLowerCase(Locale.ROOT)).append("\"}");
        }
        json.append("]}");
      }
      json.append("},\"seconds\":").append(String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9)).append('}');
      System.out.println(json);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Relative size of a table at any scale factor (rows at SF 1), to schedule the largest first. */
  private static int weight(TpchTable<?> t) {
    switch (t.getTableName()) {
      case "lineitem": return 6_000_000;
      case "orders": return 1_500_000;
      case "partsupp": return 800_000;
      case "part": return 200_000;
      case "customer": return 150_000;
      case "supplier": return 10_000;
      default: return 25;
    }
  }

  private static <E extends TpchEntity> long write(TpchTable<E> table, double scale, Path file) throws IOException {
    List<TpchColumn<E>> columns = table.getColumns();
    DateText dates = new DateText();
    StringBuilder line = new StringBuilder(512);
    long n = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
      for (E row : table.createGenerator(scale, 1, 1)) {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) line.append('|');
          TpchColumn<E> c = columns.get(i);
          switch (c.getType().getBase()) {
            case IDENTIFIER: line.append(c.getIdentifier(row)); break;
            case INTEGER: line.append(c.getInteger(row)); break;
            case DATE: line.append(dates.of(c.getDate(row))); break;
            case DOUBLE: appendCents(line, Math.round(c.getDouble(row) * 100)); break;
            case VARCHAR: appendText(line, c.getString(row), table, c); break;
            default: throw new IllegalStateException("unknown column type " + c.getType().getBase() + " of " + table.getTableName() + "." + c.getColumnName());
          }
        }
        line.append('\n');
        w.append(line);
        n++;
      }
    }
    return n;
  }

  /** Money as the generator defines it: whole cents, printed with exactly two decimals. */
  private static void appendCents(StringBuilder line, long cents) {
    if (cents < 0) {
      line.append('-');
      cents = -cents;
    }
    line.append(cents / 100).append('.');
    long frac = cents % 100;
    if (frac < 10) line.append('0');
    line.append(frac);
  }

  /**
   * Text as is: the generator's text never holds the separator or an escape character, and the
   * three loaders rely on that (none of them is told to unquote), so one that did would fail here.
   */
  private static void appendText(StringBuilder line, String s, TpchTable<?> table, TpchColumn<?> c) {
    requireNonNull(s, "s");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '|' || ch == '\\' || ch == '\n' || ch == '\r' || ch == '\t') {
        throw new IllegalStateException(table.getTableName() + "." + c.getColumnName() + " holds a character the loaders would read as syntax: " + s);
      }
    }
    line.append(s);
  }

  /** Days since 1970-01-01 as ISO dates; TPC-H's few thousand distinct dates are cached. */
  private static final class DateText {
    private final Map<Integer, String> cache = new java.util.HashMap<>();

    String of(int epochDay) {
      return cache.computeIfAbsent(epochDay, d -> LocalDate.ofEpochDay(d).toString());
    }
  }
}

package dev.ferry.ddl;

import dev.ferry.types.TypeFamily;
import dev.ferry.catalog.Snapshot;
import dev.ferry.types.LogicalType;

import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Builds the snapshot columns and tables the DDL tests feed each engine's {@link Ddl}. */
public final class DdlFixtures {
  /** A source of another engine that enforces its declared types. */
  public static final Ddl.Source OTHER_ENGINE = new Ddl.Source(false, true);
  /** A source of the same engine: native type names carry over. */
  public static final Ddl.Source SAME_ENGINE = new Ddl.Source(true, true);
  /** A source that declares precisions it does not enforce (SQLite). */
  public static final Ddl.Source UNENFORCED = new Ddl.Source(false, false);

  private DdlFixtures() {}

  public static LogicalType type(String family, String sqlType) {
    return new LogicalType(TypeFamily.of(family), sqlType, null, null, sqlType);
  }

  public static LogicalType type(String family, String sqlType, @Nullable Integer precision) {
    return new LogicalType(TypeFamily.of(family), sqlType, precision, null, sqlType + "(" + precision + ")");
  }

  public static LogicalType decimal(@Nullable Integer precision, @Nullable Integer scale) {
    return precision == null ? LogicalType.UNBOUNDED_DECIMAL
        : new LogicalType(TypeFamily.DECIMAL, "DECIMAL", precision, scale,
            "DECIMAL(" + precision + ", " + scale + ")");
  }

  public static Snapshot.Column column(String name, LogicalType type) {
    return column(name, type, true);
  }

  public static Snapshot.Column column(String name, LogicalType type, boolean nullable) {
    return new Snapshot.Column(name, 1, type.sqlType().toLowerCase(Locale.ROOT), type, nullable, null, false);
  }

  public static Snapshot.Column nativeColumn(String name, String nativeType) {
    LogicalType t = new LogicalType(TypeFamily.OTHER, nativeType.toUpperCase(Locale.ROOT), null, null, nativeType);
    return new Snapshot.Column(name, 1, nativeType, t, true, null, false);
  }

  public static Snapshot.Table table(String name, List<Snapshot.Column> columns,
      @Nullable List<String> primaryKey, List<Snapshot.Index> indexes) {
    return new Snapshot.Table(name, "src", columns,
        primaryKey == null ? null : new Snapshot.Key("pk", primaryKey), List.of(), List.of(), indexes);
  }
}

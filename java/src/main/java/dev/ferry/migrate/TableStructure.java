package dev.ferry.migrate;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.AddedConstraint;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.ForeignKeyDef;
import dev.ferry.ddl.TableDef;
import dev.ferry.types.TableName;
import dev.ferry.types.TypeFamily;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The structure steps of one table in the target: its enumerated types, {@code CREATE TABLE}
 * with types, defaults, identity, CHECK constraints and comments; then its indexes and unique
 * keys, foreign keys (with their actions, {@link ForeignKeyActions}) and identity counter. Type
 * mappings that change meaning become warnings.
 */
final class TableStructure {
  /** How a primary-key step added after the load is described, and found again on --resume. */
  private static final String KEY_AFTER_LOAD = "primary key (";

  private final Ddl ddl;
  private final SqlDialect q;
  private final @Nullable String ns;
  private final boolean sameEngine;
  private final Ddl.Source from;
  private final MigrationSql translation;
  private final Map<String, String> targetNames;
  private final Map<String, Snapshot.Table> existing;
  private final List<MigrationPlan.Warning> warnings;
  private final List<MigrationPlan.Skipped> skipped;
  private final Set<String> enumTypes = new LinkedHashSet<>();
  private final Set<String> created = new LinkedHashSet<>();

  TableStructure(Ddl ddl, SqlDialect q, @Nullable String ns, boolean sameEngine, Ddl.Source from,
      MigrationSql translation, Map<String, String> targetNames, Map<String, Snapshot.Table> existing,
      List<MigrationPlan.Warning> warnings, List<MigrationPlan.Skipped> skipped) {
    this.ddl = ddl;
    this.q = q;
    this.ns = ns;
    this.sameEngine = sameEngine;
    this.from = from;
    this.translation = translation;
    this.targetNames = targetNames;
    this.existing = existing;
    this.warnings = warnings;
    this.skipped = skipped;
  }

  MigrationSql translation() {
    return translation;
  }

  /**
   * Every step making {@code t} as {@code name} in the target, with its {@code partitions}
   * (tables of the source that are partitions of {@code t}) where the target partitions alike.
   */
  List<MigrationPlan.Step> create(Snapshot.Table t, String name, List<Snapshot.Table> partitions) {
    TableName target = new TableName(ns, name);
    List<MigrationPlan.Step> steps = new ArrayList<>();
    List<String> key = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
    List<TableDef.Column> columns = new ArrayList<>();
    List<TableDef.Constraint> inline = new ArrayList<>();
    List<String> after = new ArrayList<>();
    List<String> identities = new ArrayList<>();
    boolean partitioned = t.partitionBy() != null && sameEngine && ddl.partitions()
        && t.columns().stream().noneMatch(Snapshot.Column::autoIncrement);
    if (t.partitionBy() != null && !partitioned) {
      warnings.add(new MigrationPlan.Warning(name, "partitioned by " + t.partitionBy() + " in the"
          + " source: created as one plain table holding every partition's rows"
          + (sameEngine && ddl.partitions() ? " (its generated key cannot be an identity of a"
          + " partitioned table here)" : "")));
    }
    for (Snapshot.Column c : t.columns()) {
      String at = name + "." + c.name();
      boolean inKey = key.contains(c.name());
      String type = type(t, c, inKey, at, steps, inline);
      boolean identity = false;
      if (c.autoIncrement()) {
        String generated = ddl.identityType(type, key.equals(List.of(c.name())));
        if (generated != null) {
          type = generated;
          identity = true;
        }
        identities.add(c.name());
      }
      String dflt = identity || c.autoIncrement() ? null : defaultOf(c, at);
      String comment = c.comment();
      columns.add(new TableDef.Column(c.name(), type, !c.nullable(), dflt, identity, comment));
      if (comment != null) {
        after.addAll(ddl.commentStatements(q, target, c.name(), comment));
      }
    }
    for (Snapshot.Check check : t.checks()) {
      String sql = translation.check(check.expression(), name, warnings, skipped);
      if (sql != null) {
        inline.add(new TableDef.Constraint(check.name(), "CHECK (" + sql + ")"));
      }
    }
    List<MigrationPlan.Step> later = new ArrayList<>();
    for (Snapshot.Key u : t.uniques()) {
      TableDef.Constraint def = new TableDef.Constraint(u.name(), ddl.unique(q, u.columns()));
      if (ddl.addsConstraints()) {
        later.add(step(MigrationPhase.CONSTRAINTS, name + "." + label(u.name(), u.columns()),
            "unique key (" + String.join(", ", u.columns()) + ")", List.of(ddl.addConstraint(q, target, def)), name, null));
      } else {
        inline.add(def);
      }
    }
    for (String ix : ddl.indexes(q, target, withoutKeyIndexes(t), from)) {
      later.add(step(MigrationPhase.CONSTRAINTS, name, "index", List.of(ix), name, null));
    }
    for (Snapshot.Index ix : t.indexes()) {
      if (!sameEngine && (ix.predicate() != null || ix.columns().stream().anyMatch(col -> t.columns()
          .stream().noneMatch(tc -> tc.name().equals(col))))) {
        skipped.add(new MigrationPlan.Skipped(name + "." + ix.name(), "index", (ix.predicate() != null
            ? "a partial index (WHERE " + ix.predicate() + ")" : "an expression index")
            + " is the source engine's own SQL; recreate it by hand"));
      }
    }
    for (Snapshot.ForeignKey fk : t.foreignKeys()) {
      String ref = targetNames.get(fk.refTable());
      if (ref == null) {
        Snapshot.Table e = existing.get(fk.refTable().toLowerCase(Locale.ROOT));
        ref = e == null ? null : e.name();
      }
      String object = name + "." + label(fk.name(), fk.columns());
      if (ref == null) {
        skipped.add(new MigrationPlan.Skipped(object, "foreign key", "references " + fk.refTable()
            + ", which is neither migrated nor in the target"));
        continue;
      }
      if (!ddl.addsConstraints() && ddl.checksForeignKeysWhileLoading() && !created.contains(ref)
          && !existing.containsKey(ref.toLowerCase(Locale.ROOT))) {
        skipped.add(new MigrationPlan.Skipped(object, "foreign key", "references " + (ref.equals(name)
            ? "its own table" : ref + ", which loads later (a cycle)") + ": the target checks"
            + " foreign keys while rows load and cannot add one afterwards"));
        continue;
      }
      ForeignKeyDef def = ForeignKeyActions.of(ddl, fk, new TableName(ns, ref), object, warnings);
      if (ddl.addsConstraints()) {
        AddedConstraint add = ddl.addForeignKey(q, target, def);
        later.add(new MigrationPlan.Step(MigrationPhase.FOREIGN_KEYS, object, "foreign key ("
            + String.join(", ", fk.columns()) + ") → " + ref + ForeignKeyActions.described(def),
            List.copyOf(add.sql()), name, null, List.copyOf(add.undo()), ref));
      } else {
        inline.add(new TableDef.Constraint(fk.name(), ddl.foreignKey(q, def)));
      }
    }
    String addKey = key.isEmpty() ? null : ddl.addPrimaryKeyAfterLoad(q, target, key);
    if (addKey != null) {
      // Before the other constraints of the table, and before any foreign key that references it.
      later.add(0, step(MigrationPhase.CONSTRAINTS, name, KEY_AFTER_LOAD + String.join(", ", key)
          + ")", List.of(addKey), name, null));
    }
    List<String> sql = new ArrayList<>();
    sql.add(ddl.createTable(q, new TableDef(target, columns, addKey != null ? List.of() : key, inline,
        partitioned ? t.partitionBy() : null)));
    if (partitioned) {
      for (Snapshot.Table p : partitions) {
        if (p.partitionBound() != null) {
          sql.add(ddl.createPartition(q, new TableName(ns, p.name()), target, p.partitionBound()));
        }
      }
    }
    sql.addAll(after);
    created.add(name);
    steps.add(step(MigrationPhase.TABLES, name, (partitioned ? "create partitioned table ("
        + partitions.size() + " partitions, " : "create table (") + columns.size() + " columns)",
        sql, name, null));
    steps.addAll(later);
    for (String col : identities) {
      steps.add(identityStep(target, name, col));
    }
    return steps;
  }

  /** For a resumed migration: the structure steps whose objects {@code there} does not have yet. */
  List<MigrationPlan.Step> missing(Snapshot.Table t, Snapshot.Table there) {
    List<MigrationPlan.Step> out = new ArrayList<>();
    for (MigrationPlan.Step s : create(t, there.name(), List.of())) {
      boolean present = switch (s.phase()) {
        case TABLES, TYPES -> true;
        case CONSTRAINTS -> s.description().startsWith(KEY_AFTER_LOAD) ? there.primaryKey() != null
            : s.object().contains(".")
            ? there.uniques().stream().anyMatch(u -> s.object().endsWith("." + label(u.name(), u.columns())))
            : s.sql().stream().allMatch(x -> there.indexes().stream().anyMatch(i -> x.contains(q.quoteIdentifier(i.name()))));
        case FOREIGN_KEYS -> there.foreignKeys().stream()
            .anyMatch(f -> s.object().endsWith("." + label(f.name(), f.columns())));
        default -> false;
      };
      if (!present) {
        out.add(s);
      }
    }
    return out;
  }

  /** The identity steps of a table the target has already: its generated keys continue after the loaded ids. */
  List<MigrationPlan.Step> identities(Snapshot.Table there) {
    TableName target = new TableName(ns, there.name());
    return there.columns().stream().filter(Snapshot.Column::autoIncrement)
        .map(c -> identityStep(target, there.name(), c.name())).toList();
  }

  private MigrationPlan.Step identityStep(TableName target, String name, String column) {
    List<String> shown = ddl.identityRestart(q, target, column, "<MAX(" + column + ") + 1>");
    return step(MigrationPhase.IDENTITIES, name + "." + column, shown.isEmpty()
        ? "generated by the engine past the copied ids" : "next id after the copied ones", shown, name, column);
  }

  private String type(Snapshot.Table t, Snapshot.Column c, boolean inKey, String at,
      List<MigrationPlan.Step> steps, List<TableDef.Constraint> inline) {
    String native_ = c.nativeType().toLowerCase(Locale.ROOT);
    if (c.enumValues() != null && !c.enumValues().isEmpty()) {
      return enumType(t, c, inKey, at, steps, inline);
    }
    if (c.domain() != null) {
      warnings.add(new MigrationPlan.Warning(at, "domain " + c.domain() + " becomes its base type "
          + c.nativeType() + (t.checks().isEmpty() ? "" : ", its CHECK kept as the table's")));
    }
    if (native_.equals("set")) {
      String type = ddl.type(c, inKey, from);
      warnings.add(new MigrationPlan.Warning(at, "SET becomes " + type + " holding its members"
          + " comma-separated: which members are allowed is no longer checked"));
      return type;
    }
    if (sameEngine) {
      return ddl.type(c, inKey, from);
    }
    if (native_.equals("json") || native_.equals("jsonb")) {
      String json = ddl.json(native_.equals("jsonb"));
      if (!json.contains("JSON")) {
        warnings.add(new MigrationPlan.Warning(at, c.nativeType() + " becomes " + json + " (JSON text)"));
      }
      return json;
    }
    String type = ddl.type(c, inKey, from);
    if (c.type().family() == TypeFamily.OTHER && from.types().elsewhere(c.type()) != null) {
      warnings.add(new MigrationPlan.Warning(at, c.type().display() + " has no equivalent: becomes "
          + type + " holding the value queries read from it"));
    } else if (c.type().family() == TypeFamily.OTHER) {
      boolean array = native_.startsWith("_") || native_.endsWith("[]");
      warnings.add(new MigrationPlan.Warning(at, (array ? "array " : "") + c.nativeType()
          + " has no equivalent: becomes " + type + (array ? " holding the array's text ({a,b})" : " holding its text")));
    } else if (c.type().family() == TypeFamily.TIMESTAMPTZ && !ddl.zonedTimestamps()) {
      warnings.add(new MigrationPlan.Warning(at, c.nativeType() + " becomes " + type
          + ", holding the instant in UTC (the type keeps no time zone)"));
    }
    return type;
  }

  private String enumType(Snapshot.Table t, Snapshot.Column c, boolean inKey, String at,
      List<MigrationPlan.Step> steps, List<TableDef.Constraint> inline) {
    List<String> values = c.enumValues();
    TableName typeName = new TableName(ns, sameEngine ? unqualified(c.nativeType())
        : targetNames.get(t.name()) + "_" + c.name());
    List<String> create = ddl.createEnumType(q, typeName, values);
    if (!create.isEmpty() && enumTypes.add(typeName.toString())) {
      steps.add(step(MigrationPhase.TYPES, typeName.name(), "enumerated type (" + values.size()
          + " values)", create, null, null));
    }
    String type = ddl.enumColumnType(q, typeName, values);
    if (type != null) {
      return type;
    }
    String text = ddl.type(c, inKey, from);
    StringBuilder in = new StringBuilder();
    for (String v : values) {
      in.append(in.length() == 0 ? "" : ", ").append(Ddl.literal(v));
    }
    inline.add(new TableDef.Constraint(null, "CHECK (" + q.quoteIdentifier(c.name()) + " IN (" + in + "))"));
    warnings.add(new MigrationPlan.Warning(at, "enum " + c.nativeType() + " becomes " + text
        + " with CHECK (" + c.name() + " IN (…" + values.size() + " values)); it sorts as text, not"
        + " in the enum's order"));
    return text;
  }

  private @Nullable String defaultOf(Snapshot.Column c, String at) {
    if (c.defaultValue() == null) {
      return null;
    }
    return translation.defaultValue(c, at, warnings);
  }

  /** The table without the indexes that back its primary and unique keys (made as constraints). */
  private static Snapshot.Table withoutKeyIndexes(Snapshot.Table t) {
    List<Snapshot.Index> kept = new ArrayList<>();
    for (Snapshot.Index ix : t.indexes()) {
      boolean backsKey = ix.unique() && ix.predicate() == null && t.uniques().stream()
          .anyMatch(u -> u.columns().equals(ix.columns()) || ix.name().equals(u.name()));
      if (!backsKey) {
        kept.add(ix);
      }
    }
    return new Snapshot.Table(t.name(), t.schema(), t.columns(), t.primaryKey(), t.uniques(),
        t.foreignKeys(), kept, t.checks(), t.partitionOf(), t.partitionBy(), t.partitionBound());
  }

  /** The last part of a possibly qualified, possibly quoted type name: {@code "s"."mood"} → mood. */
  static String unqualified(String name) {
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '.' && !quoted) {
        start = i + 1;
      }
    }
    String last = name.substring(start);
    return last.length() > 1 && last.startsWith("\"") && last.endsWith("\"")
        ? last.substring(1, last.length() - 1).replace("\"\"", "\"") : last;
  }

  private static String label(@Nullable String name, List<String> columns) {
    return name != null ? name : String.join("_", columns);
  }

  static MigrationPlan.Step step(MigrationPhase phase, String object, String description,
      List<String> sql, @Nullable String table, @Nullable String column) {
    return new MigrationPlan.Step(phase, object, description, List.copyOf(sql), table, column, List.of(),
        null);
  }
}

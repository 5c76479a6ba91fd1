package dev.ferry.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which database a relational expression reads: the one JDBC convention of every table it scans.
 *
 * <p>Calcite gives each database its own {@link JdbcConvention} (Ferry makes one per configured
 * database, shared by its schemas), and its JDBC rules push an operator into a database only
 * when every input is in that database's convention.
 */
final class JoinSources {
  private JoinSources() {}

  /**
   * The convention of the one database every table under {@code rel} lives in, or null when it
   * reads several databases, a table that is not a JDBC table, or no table at all.
   */
  static @Nullable JdbcConvention of(RelNode rel) {
    List<JdbcConvention> found = new ArrayList<>();
    if (!collect(rel, found) || found.isEmpty()) {
      return null;
    }
    JdbcConvention first = found.get(0);
    for (JdbcConvention c : found) {
      if (c != first) {
        return null;
      }
    }
    return first;
  }

  private static boolean collect(RelNode rel, List<JdbcConvention> found) {
    RelNode node = unwrap(rel);
    if (node instanceof TableScan scan) {
      JdbcConvention c = conventionOf(scan);
      if (c == null) {
        return false;
      }
      found.add(c);
      return true;
    }
    for (RelNode input : node.getInputs()) {
      if (!collect(input, found)) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable JdbcConvention conventionOf(TableScan scan) {
    Convention c = scan.getConvention();
    return c instanceof JdbcConvention jdbc ? jdbc : null;
  }

  private static RelNode unwrap(RelNode rel) {
    if (rel instanceof HepRelVertex v) {
      return v.getCurrentRel();
    }
    if (rel instanceof RelSubset s) {
      RelNode best = s.getBest();
      return best != null ? best : s.getOriginal() != null ? s.getOriginal() : s;
    }
    return rel;
  }
}

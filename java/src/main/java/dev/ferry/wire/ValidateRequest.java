package dev.ferry.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Statements to validate against a schema snapshot, without running them.
 *
 * @param snapshot the snapshot (as {@code ferry snapshot} writes it; statistics are ignored)
 * @param statements the statements
 */
public record ValidateRequest(JsonNode snapshot, List<Statement> statements) {
  /**
   * One statement and where it starts in its file.
   *
   * @param sql the statement
   * @param line its first line in the file
   * @param column its first column there
   */
  public record Statement(String sql, int line, int column) {}
}

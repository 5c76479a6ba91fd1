package dev.ferry.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The structured part of every failure Node receives, as {@code FerryFailure} writes it between
 * its markers.
 *
 * @param code the stable error code
 * @param message what went wrong, where, and how to fix it
 * @param meta details (database, table, SQL state, line, column, …)
 */
public record FailureEnvelope(String code, String message, Map<String, JsonNode> meta) {}

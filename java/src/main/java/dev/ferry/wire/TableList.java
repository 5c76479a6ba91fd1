package dev.ferry.wire;

import java.util.List;

/**
 * The names of one database's tables and views, listed without inspecting them.
 *
 * @param database the configured database
 * @param tables its tables
 * @param views its views
 */
public record TableList(String database, List<String> tables, List<String> views) {}

package dev.ferry.ddl;

import java.util.List;

/**
 * The statements that add a constraint after a load ({@link Ddl#addForeignKey}).
 *
 * @param sql run in order; the first adds it, any later one checks the rows
 * @param undo run when a later statement fails, removing what the first added
 */
public record AddedConstraint(List<String> sql, List<String> undo) {}

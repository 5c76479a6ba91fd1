package dev.ferry.copy;

import java.util.List;

/**
 * What Node sends once every table of a {@code ferry copy} completed, so that the target keeps
 * no checkpoint table beside the user's tables that nothing needs any more
 * ({@link CopyJob#finish}).
 *
 * @param request the copy's request (that of any of its tables: they share target, job and mode)
 * @param targets the target tables copied, as each copy's result names them
 */
public record CopyFinish(CopyRequest request, List<String> targets) {}

package dev.ferry.migrate;

import dev.ferry.error.FerryFailure;
import dev.ferry.federation.NameHints;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which tables of a database a command takes: {@code --tables} and {@code --exclude} names or
 * {@code *} patterns, matched ignoring case. A pattern that matches nothing is a typo, refused
 * with the closest names, never an empty choice. Migrations and backups choose alike.
 */
public final class TableChoice {
  private final String database;
  private final @Nullable List<String> tables;
  private final @Nullable List<String> exclude;
  private final List<Pattern> include;
  private final List<Pattern> leaveOut;

  /** The choice of {@code tables} (null: all) less {@code exclude} in {@code database}. */
  public TableChoice(String database, @Nullable List<String> tables, @Nullable List<String> exclude) {
    this.database = database;
    this.tables = tables;
    this.exclude = exclude;
    this.include = patterns(tables);
    this.leaveOut = patterns(exclude);
  }

  /** Whether {@code name} is chosen. */
  public boolean wanted(String name) {
    return (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).matches()))
        && leaveOut.stream().noneMatch(p -> p.matcher(name).matches());
  }

  /** Whether {@code --tables} named some tables (rather than taking all). */
  public boolean narrowed() {
    return !include.isEmpty();
  }

  /** Refuses a pattern that matches none of {@code names} (the database's tables and views). */
  public void requireMatches(List<String> names) {
    matchesSomething("--tables", tables, names);
    matchesSomething("--exclude", exclude, names);
  }

  /** The USAGE failure for a choice that leaves nothing of {@code tables}. */
  public FerryFailure nothingChosen(List<String> tableNames) {
    return FerryFailure.of("USAGE", "no table of database '" + database + "' matches"
        + (tables == null ? "" : " --tables " + String.join(",", tables))
        + (exclude == null ? "" : " (after --exclude " + String.join(",", exclude) + ")")
        + "; its tables: " + String.join(", ", tableNames)).with("database", database);
  }

  private void matchesSomething(String option, @Nullable List<String> globs, List<String> names) {
    for (String g : globs == null ? List.<String>of() : globs) {
      Pattern p = patterns(List.of(g)).stream().findFirst().orElse(null);
      if (p != null && names.stream().noneMatch(n -> p.matcher(n).matches())) {
        String hint = NameHints.didYouMean(names, g.strip());
        throw FerryFailure.of("USAGE", option + " '" + g.strip() + "' matches no table or view of"
            + " database '" + database + "'; " + (hint.isEmpty() ? "there are: "
            + NameHints.closest(names, g.strip()) : hint + "(there are: " + NameHints.closest(names, g.strip()) + ")"))
            .with("database", database).with("pattern", g.strip());
      }
    }
  }

  private static List<Pattern> patterns(@Nullable List<String> globs) {
    List<Pattern> out = new ArrayList<>();
    if (globs != null) {
      for (String g : globs) {
        String s = g.strip();
        if (!s.isEmpty()) {
          out.add(Pattern.compile(Pattern.quote(s).replace("*", "\\E.*\\Q"),
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
      }
    }
    return out;
  }
}

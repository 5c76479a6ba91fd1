package dev.ferry.sink;

/**
 * A value as the source database printed it, handed to a target that parses the same text (a
 * PostgreSQL source's text into PostgreSQL's COPY): exact by construction, and no parsing or
 * formatting on the way.
 *
 * @param text the value's text
 */
public record SourceText(String text) {
  @Override public String toString() {
    return text;
  }
}

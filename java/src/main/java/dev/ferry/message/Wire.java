package dev.ferry.message;

/**
 * A closed set of values that travels as its lower-case word ({@code "append"}), for enums in
 * messages: Jackson writes {@link #wire()} and {@link Messages} reads it back, and the
 * TypeScript contract lists every constant's word.
 */
public interface Wire {
  /** The word this value travels as. */
  String wire();
}

package dev.ferry.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a message field takes when Node leaves it out: the one place a default is written.
 *
 * <p>{@link Messages#read} applies it before Jackson builds the record, and the TypeScript
 * contract generated from the records publishes it (so help texts show the same number).
 * The text is JSON: {@code "100000"}, {@code "false"}, {@code "\"append\""}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  /** The default as JSON text. */
  String value();
}

package dev.ferry.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least value a numeric message field accepts; checked by {@link Messages#read} and
 * published in the generated TypeScript contract.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Min {
  /** The least accepted value. */
  long value();
}

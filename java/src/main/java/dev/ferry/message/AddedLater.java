package dev.ferry.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A nullable reply field added after files holding its record were first written (a backup's
 * manifest keeps the source's {@code Snapshot}): such files lack it.
 *
 * <p>{@link Messages#read} already reads a missing nullable field as null; the TypeScript
 * contract generated from the records lets this one be absent too, so Node still reads those
 * files instead of calling them damaged.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AddedLater {}

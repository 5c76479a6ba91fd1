/**
 * Validating the application's SQL against a schema snapshot with Calcite's validator, without
 * running it ({@link dev.ferry.validate.StatementValidator}).
 */
package dev.ferry.validate;

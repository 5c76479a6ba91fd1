/**
 * The one exception Node receives, {@link dev.ferry.error.FerryFailure}: a stable code, a message
 * saying what, where and how to fix it, and details, carried to Node as JSON.
 */
package dev.ferry.error;

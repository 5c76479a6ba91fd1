/**
 * Small chores shared across layers: JDBC housekeeping for everything that holds a result open,
 * and numbers and dates written as ASCII bytes for the writers of row text.
 */
package dev.ferry.util;

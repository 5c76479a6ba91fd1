/**
 * Small JDBC chores shared by everything that holds a result open.
 */
package dev.ferry.util;

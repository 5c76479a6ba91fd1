/**
 * One configured database as Node hands it over ({@link dev.ferry.config.DatabaseSpec}): name,
 * URL, credentials and flags, and how its secrets are kept out of messages.
 */
package dev.ferry.config;

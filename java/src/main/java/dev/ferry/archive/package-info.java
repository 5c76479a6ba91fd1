/**
 * The backup folder format: its manifest, its chunk files (Arrow IPC streams, zstd, optionally
 * sealed with AES-256-GCM), and reading them back with every file proven intact first. Writing
 * backups ({@code dev.ferry.backup}) and serving a backup as a database
 * ({@code dev.ferry.dialect.backup}) both stand on it.
 */
package dev.ferry.archive;

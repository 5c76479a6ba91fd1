export { configSchema, databaseSchema, type FerryConfig, type FerryConfigInput, type DatabaseConfig } from './schema.js';
export { defineConfig } from './define-config.js';
export { validateConfig, loadConfigFile, configFromDbFlags, resolveConfig, absolutizeUrl, addBackupDatabase, backupSecret, type LoadedConfig } from './load.js';
export { discoverConfig, DEFAULT_CONFIG_FILE, CONFIG_ENV } from './discover.js';
export { expandEnv } from './env.js';

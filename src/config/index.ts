export { configSchema, databaseSchema, type FerryConfig, type FerryConfigInput, type DatabaseConfig } from './schema.js';
export { defineConfig } from './define-config.js';
export { validateConfig, loadConfigFile, configFromDbFlags, resolveConfig, absolutizeUrl, DEFAULT_CONFIG_FILE, type LoadedConfig } from './load.js';
export { expandEnv } from './env.js';

import { isBackupFolder } from '../api/index.js';
import { addBackupDatabase, type LoadedConfig } from '../config/index.js';

/**
 * `ref` when it names a configured database; when it is a backup folder instead (`--from
 * ./backups/monday`), the config with that backup added as a read-only database, and its name.
 * An encrypted backup's key comes from `$FERRY_BACKUP_KEY`.
 *
 * @example
 * const { loaded: l, ref } = backupRef(loaded, './backups/monday'); // ref === 'backup'
 */
export function backupRef(loaded: LoadedConfig, ref: string): { loaded: LoadedConfig; ref: string } {
  const configured = Object.keys(loaded.config.databases).some((n) => n.toLowerCase() === ref.split('.')[0]?.toLowerCase());
  if (configured || !isBackupFolder(ref)) return { loaded, ref };
  const added = addBackupDatabase(loaded, ref, process.env.FERRY_BACKUP_KEY || undefined);
  return { loaded: added.loaded, ref: added.name };
}

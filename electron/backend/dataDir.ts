/**
 * Where the data lives. `--data-dir` wins, then `CLAIMDESK_DATA_DIR`, then the host's
 * default. The web host's default is the folder Electron uses as userData for this app,
 * so that both shells find the same cases (and the lock keeps them from sharing it at once).
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Claimdesk';

export function dataDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (!value) throw new Error('--data-dir needs a folder, e.g. --data-dir ./my-cases');
      return path.resolve(value);
    }
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  const fromEnv = env.CLAIMDESK_DATA_DIR;
  return fromEnv ? path.resolve(fromEnv) : null;
}

/** Electron's `app.getPath('userData')` for this app, computed without Electron. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}

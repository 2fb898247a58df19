/**
 * The key that encrypts the connection strings of team databases (issue 14), kept by the OS
 * keychain through Electron's safeStorage: the file beside the data holds it only encrypted
 * by the keychain, so a copy of the data folder does not carry the passwords.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';

const KEY_FILE = 'team-key.bin';

/** The key (base64), made on first use; null when no keychain is available. */
export async function teamSecretKey(dataDir: string): Promise<string | null> {
  if (!safeStorage.isEncryptionAvailable()) return null;
  // On Linux without a keyring, safeStorage falls back to a fixed password: no protection.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return null;
  }
  const file = path.join(dataDir, KEY_FILE);
  try {
    return safeStorage.decryptString(await readFile(file));
  } catch {
    // None yet, or the keychain changed: a new key (saved connections are then asked again).
    const key = randomBytes(32).toString('base64');
    await writeFile(file, safeStorage.encryptString(key), { mode: 0o600 });
    return key;
  }
}

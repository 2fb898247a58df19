/**
 * Where the connection strings of team databases are kept (issue 14): never in a case file,
 * the shared-case list or a log. In the desktop shell they are encrypted with a key that the
 * OS keychain holds (Electron's safeStorage, electron/main/secretKey.ts) and handed to the
 * backend when it starts; on the web host, where there is no keychain, the file is readable
 * by its owner only (mode 0600), as an SSH key is.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, readFile, rename } from 'node:fs/promises';
import { isNotFound, writeFileDurable } from '../store/durableFile';

interface SecretsFile {
  /** `plain` (web host) or `aes-256-gcm` (desktop, key from the keychain). */
  format: 'plain' | 'aes-256-gcm';
  secrets: Record<string, string>;
}

/** A key naming a connection string, so that files can refer to it without holding it. */
export const connectionKey = (connection: string): string =>
  `db-${createHash('sha256').update(connection).digest('hex').slice(0, 16)}`;

export class SecretStore {
  private constructor(
    private readonly file: string,
    private readonly key: Buffer | null,
    private readonly secrets: Map<string, string>,
  ) {}

  /**
   * Reads the saved connections. A damaged file is set aside (the app must open whatever
   * happened to it): the shared cases then ask for their connection again.
   */
  static async open(
    file: string,
    key: Buffer | null,
    log: (message: string) => void = () => undefined,
  ): Promise<SecretStore> {
    const secrets = new Map<string, string>();
    let parsed: SecretsFile | null = null;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8')) as SecretsFile;
    } catch (error) {
      if (!isNotFound(error)) {
        const aside = `${file}.damaged-${Date.now()}`;
        await rename(file, aside).catch(() => undefined);
        log(
          `The saved team database connections could not be read; the file was set aside as ${aside}. Join the shared cases again with their connection strings.`,
        );
      }
    }
    for (const [name, stored] of Object.entries(parsed?.secrets ?? {})) {
      if (parsed?.format === 'aes-256-gcm') {
        if (!key) continue;
        const value = decrypt(stored, key);
        if (value !== null) secrets.set(name, value);
      } else {
        secrets.set(name, stored);
      }
    }
    return new SecretStore(file, key, secrets);
  }

  get(name: string): string | undefined {
    return this.secrets.get(name);
  }

  async set(name: string, value: string): Promise<void> {
    this.secrets.set(name, value);
    await this.save();
  }

  async delete(name: string): Promise<void> {
    if (this.secrets.delete(name)) await this.save();
  }

  private async save(): Promise<void> {
    const key = this.key;
    const file: SecretsFile = {
      format: key ? 'aes-256-gcm' : 'plain',
      secrets: Object.fromEntries(
        [...this.secrets].map(([name, value]) => [name, key ? encrypt(value, key) : value]),
      ),
    };
    await writeFileDurable(this.file, JSON.stringify(file));
    await chmod(this.file, 0o600).catch(() => undefined);
  }
}

function encrypt(value: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Null when the key is not the one it was written with (a new keychain entry). */
function decrypt(stored: string, key: Buffer): string | null {
  try {
    const bytes = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

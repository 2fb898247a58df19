/** Opens a URL in the system browser, for `npm run web -- --open`. */
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`));
  child.unref();
}

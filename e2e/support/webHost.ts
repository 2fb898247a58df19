/**
 * Starts the built web host (`dist/web/host.mjs`, what `npm run web` runs) as a child process
 * on a data dir, and reads the launch URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class WebHost {
  private exited: Promise<ExitInfo>;

  private constructor(
    private readonly child: ChildProcess,
    readonly launchUrl: string,
    readonly output: { text: string },
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /** Resolves once the host printed its URL; rejects with its output if it exits first. */
  static start(dataDir: string): Promise<WebHost> {
    const child = spawn(
      process.execPath,
      [path.resolve('dist/web/host.mjs'), '--data-dir', dataDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = { text: '' };
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output.text += chunk.toString();
        const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)$/m.exec(output.text);
        if (match?.[1]) resolve(new WebHost(child, match[1], output));
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(`web host exited with ${code} before it was ready:\n${output.text}`)),
      );
    });
  }

  get origin(): string {
    return new URL(this.launchUrl).origin;
  }

  get token(): string {
    return new URL(this.launchUrl).hash.replace('#token=', '');
  }

  /**
   * One call of the web host API, as a script would make it: the `{ ok, value | error }`
   * answer, whatever it says.
   */
  async call(channel: string, input: unknown): Promise<unknown> {
    const response = await fetch(`${this.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
      body: JSON.stringify(input),
    });
    return response.json();
  }

  /**
   * A case exported through the API as a script would: the export job started, waited for,
   * and its file downloaded from the address the job gives.
   */
  async exportCase(caseId: string, format: string): Promise<string> {
    const started = (await this.call('cases:export', { caseId, format })) as {
      value: { jobId: string };
    };
    const { jobId } = started.value;
    for (;;) {
      const status = (await this.call('jobs:wait', { jobId, waitMs: 5000 })) as {
        value: { state: string; error: string | null; file: { key: string } | null };
      };
      if (status.value.state === 'running') continue;
      if (!status.value.file)
        throw new Error(`export ${status.value.state}: ${status.value.error}`);
      const response = await fetch(`${this.origin}/download/${jobId}/${status.value.file.key}`);
      return response.text();
    }
  }

  /** A graceful stop (what Ctrl+C does): the host saves and releases the data dir. */
  async stop(): Promise<ExitInfo> {
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** A crash: no chance to save anything beyond what was already acknowledged. */
  async kill(): Promise<ExitInfo> {
    this.child.kill('SIGKILL');
    return this.exited;
  }
}

/** Runs the host on `dataDir` expecting it to refuse to start; returns its exit and output. */
export function startExpectingFailure(dataDir: string): Promise<ExitInfo & { output: string }> {
  const child = spawn(
    process.execPath,
    [path.resolve('dist/web/host.mjs'), '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      if (/^Open http/m.test(output)) child.kill();
      resolve({ code, signal, output });
    }),
  );
}

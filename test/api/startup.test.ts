// Starts the real entry point (server/main.ts) as a separate process, as `npm start` does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../helpers/server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(env: Record<string, string>) {
  const child = spawn(tsx, ['server/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

// Process-level behaviour does not depend on the database flavour; run it in one project only.
describe.runIf(testDatabaseKind() === 'pglite')('server/main.ts', () => {
  it('stops with one clear line when a setting is wrong', async () => {
    const { exited, output } = run({ PORT: 'eighty' });
    expect(await exited).toBe(1);
    const lines = output()
      .stderr.trim()
      .split('\n')
      .filter((l) => !l.startsWith('npm warn'));
    expect(lines).toEqual([
      'Trame cannot start: Invalid PORT="eighty": expected a whole number between 0 and 65535.',
    ]);
  });

  it('migrates a new embedded database, serves, and refuses a second process on the same data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-start-'));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    // care: email — the customer-care SMTP listener starts with the web role.
    const smtpPort = port + 2;
    const env = {
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      CARE_SMTP_PORT: String(smtpPort),
      CARE_SMTP_HOST: '127.0.0.1',
    };
    const first = run(env);
    try {
      const started = Date.now();
      let ready = false;
      while (!ready && Date.now() - started < 30_000) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toBe(true);
      const session = await (await fetch(`http://127.0.0.1:${port}/api/v1/session`)).json();
      expect(session.setupRequired).toBe(true);
      expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(true);
      expect(first.output().stdout).toContain('Trame is ready');
      const greeting = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(smtpPort, '127.0.0.1');
        socket.once('data', (chunk) => {
          resolve(chunk.toString());
          socket.end('QUIT\r\n');
        });
        socket.once('error', reject);
      });
      expect(greeting).toMatch(/^220 .*Trame customer care/);

      const second = run({ ...env, PORT: String(port + 1) });
      expect(await second.exited).toBe(1);
      expect(second.output().stderr).toMatch(
        /Trame cannot start: Another Trame process \(pid \d+\) is using the embedded database/,
      );
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(fs.existsSync(path.join(dir, 'trame.lock'))).toBe(false);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Builds the web app when its sources are newer than the last build (or with --force).
// npm start and npm test call it, so a fresh clone serves the app without a manual step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'web/dist/index.html');
const sources = [
  path.join(root, 'web'),
  path.join(root, 'common'),
  path.join(root, 'vite.config.ts'),
  path.join(root, 'package-lock.json'),
];

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'dist' || name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

const built = fs.statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const force = process.argv.includes('--force');
if (!force && built > 0 && built >= Math.max(...sources.map(newestMtime))) {
  process.exit(0);
}
console.log('Building the web app…');
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);

/** The Wine mongod launcher script, run by bash against a stand-in for wine64 that records its arguments. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DUMPS_KEPT, launcherScript } from '../../scripts/mongod/wine-fallback';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wine-launcher-'));
  const bin = join(dir, 'wine/usr/lib/wine');
  mkdirSync(bin, { recursive: true });
  // Prints the arguments it was given, one per line, as wine64 would run mongod.exe with them.
  writeFileSync(join(bin, 'wine64'), '#!/usr/bin/env bash\nprintf "%s\\n" "$@" > "$(dirname "$0")/../../../../args"\n');
  chmodSync(join(bin, 'wine64'), 0o755);
  writeFileSync(join(dir, 'mongod'), launcherScript());
  chmodSync(join(dir, 'mongod'), 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const args = () => readFileSync(join(dir, 'args'), 'utf8').trim().split('\n');

it('runs mongod.exe with Windows paths and without the diagnostic thread that crashes under Wine', () => {
  execFileSync(join(dir, 'mongod'), ['--port', '27999', '--dbpath', '/var/lib/ow data', '--logpath=/tmp/ow.log', '--replSet', 'rs']);
  expect(args()).toEqual([
    join(dir, 'mongod.exe'),
    '--port', '27999',
    '--dbpath', 'Z:\\var\\lib\\ow data',
    '--logpath=Z:\\tmp\\ow.log',
    '--replSet', 'rs',
    '--setParameter', 'diagnosticDataCollectionEnabled=false',
  ]);
});

it(`keeps only the latest ${DUMPS_KEPT} crash dumps mongod.exe left beside itself`, () => {
  const now = Date.now() / 1000;
  const dumps = Array.from({ length: DUMPS_KEPT + 4 }, (_, i) => `mongod.2026-12-06T06-43-${String(10 + i)}.mdmp`);
  dumps.forEach((name, i) => {
    writeFileSync(join(dir, name), 'MDMP');
    utimesSync(join(dir, name), now - 1000 + i, now - 1000 + i);
  });
  execFileSync(join(dir, 'mongod'), ['--version']);
  expect(args()).toEqual([join(dir, 'mongod.exe'), '--version']);
  expect(readdirSync(dir).filter((f) => f.endsWith('.mdmp')).sort()).toEqual(dumps.slice(-DUMPS_KEPT));
});

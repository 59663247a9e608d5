/**
 * `npm start` as a newcomer runs it: embedded MongoDB with data under DATA_DIR, demo data, the H5
 * app at `/` in a real browser, /healthz, a clean shutdown on SIGTERM, and data kept across restarts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { mongoClientOptions } from '../../gateway/db/connection';
import { launchBrowser } from '../support/browser';
import { freePort, spawnScript, type Spawned } from '../support/processes';

jest.setTimeout(300_000);

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ow-start-'));
  let env: Record<string, string>;
  let running: Spawned | undefined;

  beforeAll(async () => {
    env = {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_MONGO_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      SERVE_H5: 'true',
      RUN_WORKER: 'true',
      DEMO_SEED: '',
      TOKEN_SECRET: '',
      DATA_ENCRYPTION_KEY: '',
      MONGODB_URI: '',
    };
  });
  afterAll(async () => {
    await running?.stop('SIGKILL');
  });

  it('starts with an embedded database, serves the H5 app and health, and stops cleanly', async () => {
    running = spawnScript('scripts/start.ts', env);
    const [, url] = await running.waitFor(/is running at (http:\/\/\S+)/);
    expect(running.output()).toMatch(/administrator admin \/ \S+/);
    expect(running.output()).toMatch(/demo staff .*password Demo@2026/);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
    const points = await (await fetch(`${url}/api/v1/service-points`)).json();
    expect(points.items.length).toBeGreaterThanOrEqual(9);

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 760 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url}/`);
      await page.getByText('准格尔旗政务服务中心').first().waitFor({ timeout: 30_000 });
      await page.getByText('农牧业产业发展').first().waitFor();
      await page.screenshot({ path: 'test-artifacts/screenshots/start-home.png' });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }

    // Leave a record behind, then stop the way an operator would.
    const uri = `mongodb://127.0.0.1:${env.EMBEDDED_MONGO_PORT}/onewindow?directConnection=true`;
    const conn = await mongoose.createConnection(uri, mongoClientOptions()).asPromise();
    await conn.db!.collection('restart_markers').insertOne({ marker: 'kept' });
    await conn.close();
    expect(await running.stop('SIGTERM')).toBe(0);
  });

  it('keeps every record across a restart and does not seed twice', async () => {
    running = spawnScript('scripts/start.ts', env);
    const [, url] = await running.waitFor(/is running at (http:\/\/\S+)/);
    expect(running.output()).not.toMatch(/administrator admin \//);
    const points = await (await fetch(`${url}/api/v1/service-points`)).json();
    const uri = `mongodb://127.0.0.1:${env.EMBEDDED_MONGO_PORT}/onewindow?directConnection=true`;
    const conn = await mongoose.createConnection(uri, mongoClientOptions()).asPromise();
    expect(await conn.db!.collection('restart_markers').countDocuments({ marker: 'kept' })).toBe(1);
    expect(await conn.db!.collection('servicepoints').countDocuments()).toBe(points.items.length);
    await conn.close();
    expect(await running.stop('SIGTERM')).toBe(0);
  });
});

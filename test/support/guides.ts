/** A test gateway with the demo catalogue seeded and searchable, and a bounded wait for conditions. */
import { seedDemoData } from '../../gateway/seed';
import { demoGuides } from '../../gateway/seed/guides';
import { createStaff } from './factories';
import { startTestGateway, type TestGateway } from './gateway';

/**
 * Polls `check` every 200 ms until it holds, for at most `ms`. The default outlasts one wait of the
 * driver's server selection (10 s): the shared Wine-run mongod can stall that long under load.
 */
export async function waitFor(check: () => Promise<boolean>, ms = 20_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not met within ${ms / 1000} s`);
}

/**
 * Starts a gateway, seeds the demo data and an administrator, and waits until search sees every demo
 * guide (the gateway built its catalogue before seeding; the change stream brings the guides in).
 */
export async function startSeededGuideGateway(label: string): Promise<{ gw: TestGateway; admin: string }> {
  const gw = await startTestGateway({ label });
  await seedDemoData();
  const admin = (await createStaff(['admin'])).token;
  await waitFor(async () => (await gw.request('GET', '/api/v1/guides?pageSize=1')).body.total === demoGuides.length);
  return { gw, admin };
}

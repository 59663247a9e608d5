/** A test gateway with the demo catalogue seeded and searchable. */
import { seedDemoData } from '../../gateway/seed';
import { demoGuides } from '../../gateway/seed/guides';
import { createStaff } from './factories';
import { startTestGateway, type TestGateway } from './gateway';
import { waitFor } from './wait';

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

/**
 * Demo data, loaded on the first start of an empty database when DEMO_SEED is on (the default
 * only with the embedded database): service points and windows, guides, and demo staff.
 */
import { GuideModel } from '../../models/guide';
import { ServicePointModel } from '../../models/service-point';
import { StaffModel } from '../../models/staff';
import { hashPassword } from '../identity/passwords';
import { demoGuides } from './guides';
import { demoServicePoints } from './service-points';
import { DEMO_STAFF_PASSWORD, demoStaff } from './staff';

export interface SeedReport {
  seeded: boolean;
  servicePoints: number;
  guides: number;
  staff: number;
}

/** Seeds only an empty catalogue, so restarts and real deployments are never overwritten. */
export async function seedDemoData(): Promise<SeedReport> {
  const [points, guides] = await Promise.all([ServicePointModel.estimatedDocumentCount(), GuideModel.estimatedDocumentCount()]);
  if (points > 0 || guides > 0) return { seeded: false, servicePoints: points, guides, staff: 0 };
  await ServicePointModel.insertMany(demoServicePoints);
  await GuideModel.insertMany(demoGuides.map((g) => ({ ...g, status: 'published', version: 1 })));
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  for (const s of demoStaff) {
    // Upsert by username: a real account of the same name is left alone.
    await StaffModel.updateOne({ username: s.username }, { $setOnInsert: { ...s, passwordHash, demo: true } }, { upsert: true });
  }
  return { seeded: true, servicePoints: demoServicePoints.length, guides: demoGuides.length, staff: demoStaff.length };
}

export { DEMO_STAFF_PASSWORD, demoStaff };

import mongoose from 'mongoose';
import { loadConfig, useConfig } from '../../config/server';
import { connectDatabase, disconnectDatabase } from '../../gateway/db/connection';
import { ensureAdministrator } from '../../gateway/identity/bootstrap-admin';
import { verifyPassword } from '../../gateway/identity/passwords';
import { seedDemoData } from '../../gateway/seed';
import { GuideModel } from '../../models/guide';
import { ServicePointModel } from '../../models/service-point';
import { StaffModel } from '../../models/staff';
import { testDatabaseUri } from '../support/db';

describe('first start', () => {
  beforeAll(async () => {
    await connectDatabase(testDatabaseUri('seed'));
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await disconnectDatabase();
  });

  it('loads the demo data once into an empty database', async () => {
    const first = await seedDemoData();
    expect(first.seeded).toBe(true);
    const again = await seedDemoData();
    expect(again.seeded).toBe(false);
    expect(await ServicePointModel.countDocuments()).toBe(first.servicePoints);
    expect(await GuideModel.countDocuments()).toBe(first.guides);
    const hall = await ServicePointModel.findOne({ level: 'banner' }).lean();
    expect(hall?.windows.map((w) => w.name)).toEqual(expect.arrayContaining(['市场准入综合窗口', '基本建设综合窗口', '农牧业产业发展综合窗口', '社会事业综合窗口', '集中缴费区', '中介集中服务区']));
    expect(await ServicePointModel.countDocuments({ level: 'township' })).toBeGreaterThanOrEqual(5);
    expect(await ServicePointModel.countDocuments({ level: 'village' })).toBeGreaterThanOrEqual(3);
    const roles = (await StaffModel.find({ demo: true }).lean()).flatMap((s) => s.roles);
    expect(new Set(roles)).toEqual(new Set(['clerk', 'approver', 'supervisor']));
  });

  it('creates the administrator from ADMIN_USERNAME/ADMIN_PASSWORD once', async () => {
    const cfg = useConfig(loadConfig({ ...process.env, ADMIN_USERNAME: 'root-admin', ADMIN_PASSWORD: 'S3cure-pass!' }));
    const made = await ensureAdministrator(cfg);
    expect(made).toMatchObject({ created: true, username: 'root-admin' });
    expect(made.generatedPassword).toBeUndefined();
    const admin = await StaffModel.findOne({ username: 'root-admin' }).lean();
    expect(admin?.roles).toEqual(['admin']);
    expect(await verifyPassword('S3cure-pass!', admin!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', admin!.passwordHash)).toBe(false);
    expect((await ensureAdministrator(cfg)).created).toBe(false);
  });
});

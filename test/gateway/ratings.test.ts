/**
 * Ratings (好差评): any registered kind of case is rated once by its own resident when finished; a
 * bad rating opens a rectification that the department answers, a supervisor verifies and closes
 * with the call-back; statistics per window, department and guide.
 */
import { addWorkingDays, chinaDate } from '../../gateway/calendar/working-days';
import { registerRateable, type RateableCase } from '../../gateway/ratings/registry';
import { RatingModel } from '../../models/rating';
import { answer, complaintStaff, DEPARTMENT, type ComplaintActors } from '../support/complaints';
import { createResident, createStaff } from '../support/factories';
import { startTestGateway, type TestGateway } from '../support/gateway';

let gw: TestGateway;
let staff: ComplaintActors;
let alice: { id: string; token: string };
let bob: { id: string; token: string };

/** A stand-in for the kinds other domains will register (bookings, applications). */
const visits = new Map<string, Omit<RateableCase, 'type' | 'id' | 'label'>>();
registerRateable('window-visit', async (id) => {
  const v = visits.get(id);
  return v ? { type: 'window-visit', id, label: `窗口办事 ${id}`, ...v } : null;
});

beforeAll(async () => {
  gw = await startTestGateway({ label: 'ratings' });
  staff = await complaintStaff();
  alice = await createResident('13800004444');
  bob = await createResident('13800005555');
  const visit = (finished: boolean, window: string, guideCode: string) => ({ residentUserId: alice.id, finished, department: DEPARTMENT, window, guideCode });
  visits.set('V1', visit(true, 'banner-hall:market', 'G-001'));
  visits.set('V2', visit(true, 'banner-hall:market', 'G-001'));
  visits.set('V3', visit(true, 'banner-hall:market', 'G-002'));
  visits.set('V4', visit(false, 'banner-hall:market', 'G-002'));
  visits.set('V5', visit(true, 'dalu:T1', 'G-002'));
});
afterAll(() => gw.stop());

const rate = (token: string, body: Record<string, unknown>) => gw.request('POST', '/api/v1/ratings', { token, body });

describe('rating once per case', () => {
  it('rates a finished case of the resident once, and refuses everything else', async () => {
    expect((await rate(alice.token, { caseType: 'parcel', caseId: 'X', level: 5 })).body.error.code).toBe('rating.case_type_unknown');
    expect((await rate(alice.token, { caseType: 'window-visit', caseId: 'NOPE', level: 5 })).status).toBe(404);
    expect((await rate(bob.token, { caseType: 'window-visit', caseId: 'V1', level: 5 })).status).toBe(404);
    expect((await rate(alice.token, { caseType: 'window-visit', caseId: 'V4', level: 5 })).body.error.code).toBe('rating.not_finished');
    expect((await gw.request('POST', '/api/v1/ratings', { body: { caseType: 'window-visit', caseId: 'V1', level: 5 } })).status).toBe(401);

    // The same rating sent twice at once (a double tap): exactly one counts.
    const body = { caseType: 'window-visit', caseId: 'V1', level: 5, indicators: { efficiency: 5, attitude: 4 }, comment: '窗口效率很高' };
    const both = await Promise.all([rate(alice.token, body), rate(alice.token, body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await RatingModel.countDocuments({ caseType: 'window-visit', caseId: 'V1' })).toBe(1);
    expect((await rate(alice.token, { caseType: 'window-visit', caseId: 'V1', level: 3 })).body.error.code).toBe('rating.already_rated');
  });

  it('checks levels and indicators', async () => {
    for (const body of [{ level: 6 }, { level: 0 }, { level: 5, indicators: { speed: 5 } }, { level: 5, indicators: { attitude: 0 } }]) {
      const res = await rate(alice.token, { caseType: 'window-visit', caseId: 'V2', ...body });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const levels = await gw.request('GET', '/api/v1/ratings/levels');
    expect(levels.body.levels.map((l: { name: string }) => l.name)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(levels.body.indicators.map((i: { name: string }) => i.name)).toEqual(['办事效率', '服务态度', '办理结果', '规范透明', '便捷程度']);
    expect(levels.body.caseTypes).toEqual(expect.arrayContaining(['complaint', 'window-visit']));
  });
});

describe('rectification of a bad rating', () => {
  it('is answered by the department, verified (sent back once), called back and closed', async () => {
    const filed = await gw.request('POST', '/api/v1/complaints', { token: alice.token, body: { type: 'complaint', category: 'slow_handling', content: '营业执照变更拖了两周。' } });
    const tn = filed.body.trackingNumber;
    await answer(gw, staff, tn);
    await gw.request('POST', `/api/v1/complaints/${tn}/confirm`, { token: alice.token, body: {} });
    const rated = await rate(alice.token, { caseType: 'complaint', caseId: tn, level: 2, comment: '答复敷衍，问题没解决' });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ levelName: '不满意', rectification: { status: 'open', statusName: '待整改' } });

    const list = await gw.request('GET', '/api/v1/staff/rectifications', { token: staff.handler.token });
    expect(list.body.items).toHaveLength(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({ caseType: 'complaint', caseId: tn, department: DEPARTMENT, rectification: { status: 'open', dueDate: addWorkingDays(chinaDate(new Date()), 5), light: 'green' } });
    expect(JSON.stringify(item)).not.toContain(alice.id);
    const path = `/api/v1/staff/rectifications/${item.id}`;

    const outsider = await createStaff(['approver'], { department: '准格尔旗人力资源和社会保障局' });
    expect((await gw.request('GET', '/api/v1/staff/rectifications', { token: outsider.token })).body.items).toEqual([]);
    expect((await gw.request('POST', `${path}/respond`, { token: outsider.token, body: { text: '越权' } })).status).toBe(404);
    expect((await gw.request('POST', `${path}/verify`, { token: staff.supervisor.token, body: { approved: true } })).body.error.code).toBe('rectification.invalid_transition');

    expect((await gw.request('POST', `${path}/respond`, { token: staff.handler.token, body: { text: '已约谈经办人。' } })).body.rectification.status).toBe('responded');
    expect((await gw.request('POST', `${path}/verify`, { token: staff.handler.token, body: { approved: true } })).status).toBe(403);
    expect((await gw.request('POST', `${path}/verify`, { token: staff.supervisor.token, body: { approved: false } })).body.error.code).toBe('rectification.note_required');
    const sentBack = await gw.request('POST', `${path}/verify`, { token: staff.supervisor.token, body: { approved: false, note: '请写明具体整改措施和时限' } });
    expect(sentBack.body.rectification).toMatchObject({ status: 'open', reviews: [expect.objectContaining({ approved: false, note: '请写明具体整改措施和时限' })] });
    await gw.request('POST', `${path}/respond`, { token: staff.handler.token, body: { text: '已约谈经办人，3日内办结变更并书面致歉。' } });
    expect((await gw.request('POST', `${path}/verify`, { token: staff.supervisor.token, body: { approved: true, note: '同意' } })).body.rectification.status).toBe('verified');

    expect((await gw.request('POST', `${path}/callback`, { token: staff.supervisor.token, body: { reached: true } })).body.error.code).toBe('rectification.satisfied_required');
    const missed = await gw.request('POST', `${path}/callback`, { token: staff.supervisor.token, body: { reached: false, note: '无人接听' } });
    expect(missed.body.rectification).toMatchObject({ status: 'verified', callbacks: [expect.objectContaining({ reached: false })] });
    const contact = await gw.request('GET', `${path}/contact`, { token: staff.supervisor.token });
    expect(contact.body).toEqual({ phone: '13800004444' });
    const done = await gw.request('POST', `${path}/callback`, { token: staff.supervisor.token, body: { reached: true, satisfied: true, note: '群众表示满意' } });
    expect(done.body.rectification).toMatchObject({ status: 'closed', outcome: 'called_back', closedAt: expect.any(String) });
    expect((await gw.request('POST', `${path}/callback`, { token: staff.supervisor.token, body: { reached: true, satisfied: true } })).status).toBe(409);

    const audit = await gw.request('GET', `/api/v1/staff/audit-log?targetType=rating&targetId=${item.id}`, { token: staff.supervisor.token });
    expect(audit.body.items.map((a: { action: string }) => a.action).reverse()).toEqual([
      'rectification.respond', 'rectification.send_back', 'rectification.respond', 'rectification.approve', 'rectification.callback', 'rectification.contact_read', 'rectification.callback',
    ]);
  });

  it('closes as unreachable after the last unanswered call-back, and shows overdue ones red', async () => {
    const rated = await rate(alice.token, { caseType: 'window-visit', caseId: 'V3', level: 1 });
    expect(rated.body.rectification.status).toBe('open');
    const id = String((await RatingModel.findOne({ caseId: 'V3' }).lean())!._id);
    const path = `/api/v1/staff/rectifications/${id}`;
    await RatingModel.updateOne({ _id: id }, { $set: { 'rectification.dueDate': '2026-01-05' } });
    const red = await gw.request('GET', '/api/v1/staff/rectifications?light=red', { token: staff.supervisor.token });
    expect(red.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    await gw.request('POST', `${path}/respond`, { token: staff.handler.token, body: { text: '已整改' } });
    await gw.request('POST', `${path}/verify`, { token: staff.supervisor.token, body: { approved: true } });
    for (let i = 0; i < 3; i++) await gw.request('POST', `${path}/callback`, { token: staff.supervisor.token, body: { reached: false } });
    const final = await gw.request('GET', path, { token: staff.supervisor.token });
    expect(final.body.rectification).toMatchObject({ status: 'closed', outcome: 'unreachable' });
    expect(final.body.rectification.callbacks).toHaveLength(3);
  });
});

describe('statistics', () => {
  it('counts levels, satisfaction, bad ratings and rectifications per window, department and guide', async () => {
    await rate(alice.token, { caseType: 'window-visit', caseId: 'V5', level: 3, indicators: { result: 3 } });
    const byWindow = await gw.request('GET', '/api/v1/staff/ratings/stats?by=window', { token: staff.supervisor.token });
    const market = byWindow.body.items.find((i: { key: string }) => i.key === 'banner-hall:market');
    // V1 (5) and V3 (1) were rated at this window.
    expect(market).toMatchObject({ total: 2, levels: { 5: 1, 4: 0, 3: 0, 2: 0, 1: 1 }, satisfactionRate: 0.5, badCount: 1, averageLevel: 3, rectifications: { open: 0, closed: 1 } });
    expect(market.indicators).toMatchObject({ efficiency: 5, attitude: 4, result: null });
    expect(byWindow.body.items.find((i: { key: string }) => i.key === 'dalu:T1')).toMatchObject({ total: 1, satisfactionRate: 1, badCount: 0 });

    const byGuide = await gw.request('GET', '/api/v1/staff/ratings/stats?by=guide', { token: staff.supervisor.token });
    expect(byGuide.body.items.map((i: { key: string; total: number }) => [i.key, i.total])).toEqual([['G-002', 2], ['G-001', 1]]);

    const byDepartment = await gw.request('GET', '/api/v1/staff/ratings/stats?by=department', { token: staff.supervisor.token });
    expect(byDepartment.body.items).toEqual([expect.objectContaining({ key: DEPARTMENT, total: 4, badCount: 2, rectifications: { open: 0, closed: 2 } })]);
    expect((await gw.request('GET', '/api/v1/staff/ratings/stats?by=window', { token: staff.handler.token })).status).toBe(403);
  });
});

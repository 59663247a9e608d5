/** Deadlines in working days, the green/yellow/red lights, escalation of red items and statistics. */
import { deadlinesFor, sweepComplaintDeadlines } from '../../../gateway/complaints/deadlines';
import { fileComplaint } from '../../../gateway/complaints/filing';
import { addWorkingDays, chinaDate, shiftDate } from '../../../gateway/calendar/working-days';
import type { Actor } from '../../../gateway/identity/actor';
import { deadlineRangeFor } from '../../../gateway/supervision/light-ranges';
import { lightFor, type Light } from '../../../gateway/supervision/lights';
import { complaintStaff, type ComplaintActors } from '../../support/complaints';
import { startTestGateway, type TestGateway } from '../../support/gateway';

describe('deadlines', () => {
  const at = new Date('2026-09-30T02:00:00Z'); // Wednesday before the National Day holiday

  it('counts working days across the holiday and its make-up Saturday, per type', () => {
    expect(deadlinesFor('complaint', at)).toEqual({ acknowledgeBy: '2026-10-08', answerBy: '2026-10-13' });
    expect(deadlinesFor('consultation', at)).toEqual({ acknowledgeBy: '2026-10-08', answerBy: '2026-10-10' });
    expect(deadlinesFor('suggestion', at).answerBy).toBe(addWorkingDays('2026-09-30', 10));
  });

  it('filters each light over exactly the deadlines lightFor paints it', () => {
    const inRange = (date: string, range: Record<string, string>) =>
      Object.entries(range).every(([op, v]) => (op === '$lt' ? date < v : op === '$gt' ? date > v : op === '$gte' ? date >= v : date <= v));
    for (const now of ['2026-09-28T02:00:00Z', '2026-09-30T15:59:00Z', '2026-10-09T10:00:00Z', '2026-12-31T16:30:00Z'].map((s) => new Date(s))) {
      const today = chinaDate(now);
      for (let d = -10; d <= 20; d++) {
        const due = shiftDate(today, d);
        const painted = lightFor(due, now, 1);
        const matching = (['green', 'yellow', 'red'] as Light[]).filter((l) => inRange(due, deadlineRangeFor(l, now, 1)));
        expect({ now: now.toISOString(), due, lights: matching }).toEqual({ now: now.toISOString(), due, lights: [painted] });
      }
    }
  });
});

describe('lights, escalation and statistics', () => {
  let gw: TestGateway;
  let staff: ComplaintActors;
  const filer: Actor = { kind: 'anonymous', channel: 'miniprogram', ip: '127.0.0.1' };
  const file = (content: string, when = new Date()) =>
    fileComplaint(filer, { type: 'complaint', category: 'slow_handling', content, phone: '13800002222' }, when).then((c) => c.trackingNumber);

  beforeAll(async () => {
    gw = await startTestGateway({ label: 'complaint_lights' });
    staff = await complaintStaff();
  });
  afterAll(() => gw.stop());

  const list = async (query: string) =>
    (await gw.request('GET', `/api/v1/staff/complaints?${query}`, { token: staff.supervisor.token })).body.items as Array<{ trackingNumber: string; light: string; escalated: boolean }>;

  it('paints items by their running deadline, escalates red ones once per stage, and counts them per department', async () => {
    const overdue = await file('三周前提交，一直没人签收。', new Date(Date.now() - 21 * 86_400_000));
    const fresh = await file('今天提交，明天前要签收。');
    const acknowledged = await file('今天提交并已签收。');
    await gw.request('POST', `/api/v1/staff/complaints/${acknowledged}/acknowledge`, { token: staff.supervisor.token, body: {} });

    expect((await list('light=red')).map((i) => i.trackingNumber)).toEqual([overdue]);
    expect((await list('light=yellow')).map((i) => i.trackingNumber)).toEqual([fresh]);
    expect((await list('light=green')).map((i) => i.trackingNumber)).toEqual([acknowledged]);
    expect((await list('light=red&status=replied'))).toEqual([]);
    const detail = await gw.request('GET', `/api/v1/staff/complaints/${overdue}`, { token: staff.supervisor.token });
    expect(detail.body).toMatchObject({ light: 'red', lightName: '超期', dueStage: 'acknowledge', escalated: false });

    await sweepComplaintDeadlines();
    await sweepComplaintDeadlines();
    expect((await list('escalated=true')).map((i) => i.trackingNumber)).toEqual([overdue]);
    let events = (await gw.request('GET', `/api/v1/staff/complaints/${overdue}`, { token: staff.supervisor.token })).body.events;
    expect(events.filter((e: { type: string }) => e.type === 'escalated')).toEqual([
      expect.objectContaining({ by: { kind: 'system', name: '效能监察' }, note: expect.stringContaining('已超过签收期限') }),
    ]);

    // Acknowledging late starts the answer stage, which is overdue too: escalated again, once.
    await gw.request('POST', `/api/v1/staff/complaints/${overdue}/acknowledge`, { token: staff.supervisor.token, body: {} });
    await sweepComplaintDeadlines();
    await sweepComplaintDeadlines();
    events = (await gw.request('GET', `/api/v1/staff/complaints/${overdue}`, { token: staff.supervisor.token })).body.events;
    expect(events.filter((e: { type: string }) => e.type === 'escalated').map((e: { note: string }) => e.note.slice(0, 7))).toEqual(['已超过签收期限', '已超过答复期限']);

    const stats = await gw.request('GET', '/api/v1/staff/complaints/stats', { token: staff.supervisor.token });
    expect(stats.body.lights).toEqual({ green: 1, yellow: 1, red: 1 });
    expect(stats.body.byDepartment).toEqual([expect.objectContaining({ department: '未分派', total: 3, running: 3, red: 1, yellow: 1, green: 1, escalated: 1, onTimeRate: null })]);

    // A late answer counts against the on-time rate of the department that gave it.
    await gw.request('POST', `/api/v1/staff/complaints/${overdue}/assign`, { token: staff.supervisor.token, body: { department: '准格尔旗市场监督管理局' } });
    const late = await gw.request('POST', `/api/v1/staff/complaints/${overdue}/reply`, { token: staff.handler.token, body: { text: '抱歉答复迟了。' } });
    expect(late.body).toMatchObject({ repliedLate: true, light: null });
    const after = await gw.request('GET', '/api/v1/staff/complaints/stats', { token: staff.supervisor.token });
    expect(after.body.byDepartment).toContainEqual(expect.objectContaining({ department: '准格尔旗市场监督管理局', answered: 1, answeredLate: 1, onTimeRate: 0 }));
    expect(after.body.onTimeRate).toBe(0);
    expect(after.body.byType).toEqual({ complaint: 3 });
    expect((await gw.request('GET', '/api/v1/staff/complaints/stats', { token: staff.handler.token })).status).toBe(403);
  });
});

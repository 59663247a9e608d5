/** Complaint helpers for tests: filing and moving items the way residents and staff do, over HTTP. */
import { createStaff } from './factories';
import type { TestGateway } from './gateway';

export const DEPARTMENT = '准格尔旗市场监督管理局';

export interface ComplaintActors {
  supervisor: { id: string; username: string; token: string };
  handler: { id: string; username: string; token: string };
}

/** A supervisor and a handler in DEPARTMENT (the handler's department must exist for assignment). */
export async function complaintStaff(department = DEPARTMENT): Promise<ComplaintActors> {
  return { supervisor: await createStaff(['supervisor']), handler: await createStaff(['approver'], { department }) };
}

export async function fileAsPhone(gw: TestGateway, phone: string, body: Record<string, unknown> = {}, token?: string) {
  const res = await gw.request('POST', '/api/v1/complaints', {
    token,
    body: { type: 'complaint', category: 'attitude', content: '窗口工作人员态度生硬，多次推诿。', phone, ...body },
  });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${res.text}`);
  return res.body as { trackingNumber: string; [k: string]: any };
}

/** Acknowledge, assign to the handler's department and answer: the item ends `replied`. */
export async function answer(gw: TestGateway, actors: ComplaintActors, trackingNumber: string, department = DEPARTMENT, text = '经核查，已对相关工作人员批评教育，感谢您的监督。') {
  const staffPath = `/api/v1/staff/complaints/${trackingNumber}`;
  const steps: Array<[string, string, unknown]> = [
    [actors.supervisor.token, 'acknowledge', {}],
    [actors.supervisor.token, 'assign', { department }],
    [actors.handler.token, 'reply', { text }],
  ];
  for (const [token, action, body] of steps) {
    const res = await gw.request('POST', `${staffPath}/${action}`, { token, body });
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${res.text}`);
  }
}

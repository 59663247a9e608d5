/** @jest-environment jsdom */
/**
 * The staff action panel: which flow actions each role gets in each state (mirroring the gateway's
 * table), what each needs written first, and the request it sends.
 */
import './support/jsdom-stubs';
import { ApplicationActions } from '../../../miniprogram/components/application-actions';
import { availableActions, draftProblem, EMPTY_DRAFT, transitionBody, ACTION_SPECS } from '../../../miniprogram/components/application-actions/actions';
import { ApiError } from '../../../miniprogram/services/api';
import type { StaffApplication } from '../../../miniprogram/services/staff-applications';
import { render, settle } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

const DEPT = '准格尔旗市场监督管理局';
const caseIn = (state: StaffApplication['state'], over: Partial<StaffApplication> = {}) =>
  ({ state, department: DEPT, caseType: 'promised', paused: null, ...over }) as StaffApplication;
const clerk = { roles: ['clerk' as const], department: null, chiefRepresentative: false };
const approver = { roles: ['approver' as const], department: DEPT, chiefRepresentative: false };
const otherApprover = { roles: ['approver' as const], department: '准格尔旗人力资源和社会保障局', chiefRepresentative: false };
const chief = { roles: ['clerk' as const], department: DEPT, chiefRepresentative: true };
const supervisor = { roles: ['supervisor' as const], department: null, chiefRepresentative: false };

const codes = (app: StaffApplication, staff: Parameters<typeof availableActions>[1]) => availableActions(app, staff).map((a) => a.action);

test('offers each role the actions of the flow it may take', () => {
  expect(codes(caseIn('submitted'), clerk)).toEqual(['accept', 'request_supplement', 'refuse']);
  expect(codes(caseIn('submitted'), approver)).toEqual(['request_supplement']);
  expect(codes(caseIn('accepted'), approver)).toEqual(['start_review', 'request_supplement', 'pause', 'extend']);
  expect(codes(caseIn('accepted'), otherApprover)).toEqual(['request_supplement', 'pause', 'extend']);
  expect(codes(caseIn('under_review'), approver)).toEqual(['approve', 'request_supplement', 'pause', 'extend', 'reject']);
  // A chief representative approves for the department although a clerk by role.
  expect(codes(caseIn('under_review'), chief)).toEqual(['approve', 'request_supplement', 'pause', 'extend', 'reject']);
  expect(codes(caseIn('approved'), clerk)).toEqual(['mark_ready', 'extend']);
  expect(codes(caseIn('result_ready'), clerk)).toEqual(['complete']);
  expect(codes(caseIn('completed'), clerk)).toEqual([]);
  expect(codes(caseIn('under_review'), supervisor)).toEqual(['extend']);
});

test('an immediate case completes at once; a paused case resumes instead of pausing again', () => {
  expect(codes(caseIn('accepted', { caseType: 'immediate' }), clerk)).toContain('complete');
  expect(codes(caseIn('accepted'), clerk)).not.toContain('complete');
  const paused = caseIn('under_review', { paused: { reason: 'site_inspection', since: '2026-03-02' } });
  expect(codes(paused, approver)).toContain('resume');
  expect(codes(paused, approver)).not.toContain('pause');
  expect(codes(caseIn('supplement_requested'), clerk)).toEqual(['resume', 'extend', 'refuse']);
});

test('says what must be written before sending, and sends only what the action takes', () => {
  const spec = (action: string) => ACTION_SPECS.find((s) => s.action === action)!;
  expect(draftProblem('reason', EMPTY_DRAFT)).toBe('请填写理由');
  expect(draftProblem('missing', { ...EMPTY_DRAFT, missing: '  ' })).toBe('请写明需要补正的材料');
  expect(draftProblem('procedure', EMPTY_DRAFT)).toBe('请选择特别程序');
  expect(draftProblem('extension', { ...EMPTY_DRAFT, days: '61', reason: '专家评审' })).toBe('请填写需要延长的工作日天数（1-60）');
  expect(draftProblem('extension', { ...EMPTY_DRAFT, days: '5' })).toBe('请填写延长时限的理由');
  expect(draftProblem('note', EMPTY_DRAFT)).toBeUndefined();

  expect(transitionBody(spec('extend'), { ...EMPTY_DRAFT, days: '5', reason: ' 专家评审 ', note: 'x' })).toEqual({ action: 'extend', days: 5, reason: '专家评审' });
  expect(transitionBody(spec('approve'), EMPTY_DRAFT)).toEqual({ action: 'approve', note: undefined });
  expect(transitionBody(spec('request_supplement'), { ...EMPTY_DRAFT, missing: '营业执照复印件' })).toEqual({ action: 'request_supplement', missing: '营业执照复印件' });
});

test('refusing asks for a reason in a dialog and shows the gateway refusal', async () => {
  const onAct = jest.fn().mockRejectedValueOnce(new ApiError('application.invalid_transition', '办件当前状态为“已受理”，不能进行“不予受理”操作', 409)).mockResolvedValue(undefined);
  const view = await render(<ApplicationActions application={caseIn('submitted')} staff={clerk} onAct={onAct} />);
  expect(view.text()).toContain('受理');
  expect(view.text()).toContain('要求补正');

  await view.click('不予受理');
  const reason = document.querySelector<HTMLTextAreaElement>('textarea[placeholder="请填写理由"]')!;
  expect(reason).not.toBeNull();
  await view.click('确定');
  await settle();
  expect(document.body.textContent).toContain('请填写理由');
  expect(onAct).not.toHaveBeenCalled();

  await view.type(reason, '不属于本部门职权范围');
  await view.click('确定');
  await settle();
  expect(onAct).toHaveBeenCalledWith({ action: 'refuse', reason: '不属于本部门职权范围' });
  expect(document.body.textContent).toContain('不能进行“不予受理”操作');

  await view.click('确定');
  await settle();
  expect(onAct).toHaveBeenCalledTimes(2);
  expect(document.querySelector('textarea[placeholder="请填写理由"]')).toBeNull();
  view.unmount();
});

test('an action without words is sent at once', async () => {
  const onAct = jest.fn().mockResolvedValue(undefined);
  const view = await render(<ApplicationActions application={caseIn('accepted')} staff={approver} onAct={onAct} />);
  await view.click('开始审查');
  await settle();
  expect(onAct).toHaveBeenCalledWith({ action: 'start_review' });
  view.unmount();
});

test('says so when nothing is for this staff member to do', async () => {
  const view = await render(<ApplicationActions application={caseIn('completed')} staff={clerk} onAct={jest.fn()} />);
  expect(view.text()).toBe('当前状态无需您处理');
  view.unmount();
});

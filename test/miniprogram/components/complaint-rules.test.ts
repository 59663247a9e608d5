/** The complaint filing form's checks and the staff handling steps each role gets. */
import { draftProblem, EMPTY_COMPLAINT, toInput } from '../../../miniprogram/packages/complaints/new/complaint-form';
import { complaintActionBody, complaintActions } from '../../../miniprogram/packages/staff/complaint/complaint-actions';

test('filing needs a category, a real description, and a phone unless the resident has one', () => {
  const draft = { ...EMPTY_COMPLAINT, category: 'attitude' as const, content: '工作人员态度生硬' };
  expect(draftProblem({ ...draft, category: '' }, false)).toBe('请选择类别');
  expect(draftProblem({ ...draft, content: '不好' }, false)).toBe('请具体描述您反映的问题（至少5个字）');
  expect(draftProblem(draft, true)).toBe('请填写11位手机号码，用于查询进度和接收答复');
  expect(draftProblem({ ...draft, phone: '13900001111' }, true)).toBeUndefined();
  expect(toInput({ ...draft, phone: '13900001111', department: ' 市场准入综合窗口 ', anonymous: true }, true)).toEqual({
    type: 'complaint',
    category: 'attitude',
    content: '工作人员态度生硬',
    anonymous: true,
    target: { department: '市场准入综合窗口', staff: undefined },
    phone: '13900001111',
  });
  // A resident with a verified phone sends none; no target when nothing was named.
  expect(toInput(draft, false)).toEqual({ type: 'complaint', category: 'attitude', content: '工作人员态度生硬', anonymous: false });
});

test('supervisors acknowledge, assign, answer and close; a department answers its own items', () => {
  const supervisor = { roles: ['supervisor' as const], department: null };
  const market = { roles: ['approver' as const], department: '准格尔旗市场监督管理局' };
  const actions = (status: Parameters<typeof complaintActions>[0]['status'], staff: typeof supervisor | typeof market, department: string | null = null) =>
    complaintActions({ status, department }, staff).map((a) => a.action);
  expect(actions('received', supervisor)).toEqual(['acknowledge', 'assign', 'close']);
  expect(actions('acknowledged', supervisor)).toEqual(['assign', 'reply', 'close']);
  expect(actions('replied', supervisor)).toEqual(['close']);
  expect(actions('closed', supervisor)).toEqual([]);
  expect(actions('assigned', market, '准格尔旗市场监督管理局')).toEqual(['reply']);
  expect(actions('assigned', market, '准格尔旗人力资源和社会保障局')).toEqual([]);
  const reply = complaintActions({ status: 'assigned', department: null }, supervisor).find((a) => a.action === 'reply')!;
  expect(complaintActionBody(reply, '  已处理  ')).toEqual({ text: '已处理' });
});

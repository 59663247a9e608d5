/** @jest-environment jsdom */
/** The materials checklist: what each material needs, and ticking the required ones off. */
import './support/jsdom-stubs';
import { MaterialsChecklist } from '../../../miniprogram/components/materials-checklist';
import { checklistProgress, materialMeta, progressText } from '../../../miniprogram/components/materials-checklist/checklist';
import type { GuideMaterial } from '../../../miniprogram/services/guides';
import { render } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

const material = (over: Partial<GuideMaterial>): GuideMaterial => ({
  name: '材料',
  required: true,
  form: 'both',
  copies: 1,
  source: null,
  blankFormUrl: null,
  sampleUrl: null,
  notes: null,
  ...over,
});

const MATERIALS: GuideMaterial[] = [
  material({ name: '食品经营许可申请书', blankFormUrl: '/forms/x-blank.pdf', sampleUrl: '/forms/x-sample.pdf', source: '申请人自备' }),
  material({ name: '经营者居民身份证', form: 'electronic', source: '政府部门核发', notes: '现场核验原件' }),
  material({ name: '授权委托书', required: false, form: 'paper', copies: 2 }),
];

test('describes each material: form, copies, who issues it', () => {
  expect(MATERIALS.map(materialMeta)).toEqual(['纸质或电子 · 1份 · 申请人自备', '电子 · 政府部门核发', '纸质 · 2份']);
});

test('counts only required materials toward being ready', () => {
  const progress = checklistProgress(MATERIALS, new Set([2]));
  expect(progress).toEqual({ requiredTotal: 2, requiredReady: 0, optionalTotal: 1, complete: false });
  expect(progressText(checklistProgress(MATERIALS, new Set([0, 1])))).toBe('必需材料已备齐，可以预约或申报');
  expect(progressText(checklistProgress([material({ required: false })], new Set()))).toBe('本事项无必需材料');
});

test('ticking the required materials tells the resident they are ready', async () => {
  const onProgress = jest.fn();
  const view = await render(<MaterialsChecklist materials={MATERIALS} onProgress={onProgress} />);
  expect(view.text()).toContain('必需材料已备 0/2');
  for (const label of ['必需', '视情况提供', '现场核验原件', '空白表格', '填写样例']) expect(view.text()).toContain(label);

  await view.click('1. 食品经营许可申请书');
  expect(view.text()).toContain('必需材料已备 1/2');
  await view.click('3. 授权委托书'); // optional: does not count
  expect(view.text()).toContain('必需材料已备 1/2');
  await view.click('2. 经营者居民身份证');
  expect(view.text()).toContain('必需材料已备齐，可以预约或申报');
  expect(onProgress.mock.calls.map(([complete]) => complete)).toEqual([false, false, true]);

  await view.click('2. 经营者居民身份证'); // untick
  expect(view.text()).toContain('必需材料已备 1/2');
  expect(view.container.querySelectorAll('.ow-materials__item.is-ready')).toHaveLength(2);
  view.unmount();
});

test('read-only lists have no checkboxes and no progress', async () => {
  const view = await render(<MaterialsChecklist materials={MATERIALS} checkable={false} />);
  expect(view.text()).not.toContain('必需材料已备');
  expect(view.container.querySelector('.nut-checkbox')).toBeNull();
  view.unmount();
});

test('a guide without materials says so', async () => {
  const view = await render(<MaterialsChecklist materials={[]} />);
  expect(view.text()).toBe('无需提交材料');
  view.unmount();
});

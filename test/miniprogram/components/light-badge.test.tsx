/** @jest-environment jsdom */
/** The light badge: every light has words (not colour alone), the promised date, closed cases. */
import './support/jsdom-stubs';
import { LightBadge } from '../../../miniprogram/components/light-badge';
import { render } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

test.each([
  ['green', '绿灯', '正常办理中', 'nut-tag-success'],
  ['yellow', '黄灯', '临近承诺期限', 'nut-tag-warning'],
  ['red', '红灯', '已超过承诺期限', 'nut-tag-danger'],
] as const)('a %s light reads "%s" with its meaning and colour', async (light, label, hint, tagClass) => {
  const view = await render(<LightBadge light={light} promisedDate="2026-03-06" withHint />);
  expect(view.text()).toContain(label);
  expect(view.text()).toContain(hint);
  expect(view.text()).toContain('承诺2026-03-06前办结');
  expect(view.container.querySelector(`.${tagClass}`)).not.toBeNull();
  expect(view.container.querySelector('[aria-label]')?.getAttribute('aria-label')).toBe(`${label}，${hint}`);
  view.unmount();
});

test('a case not yet accepted has no running clock', async () => {
  const view = await render(<LightBadge light={null} promisedDate={null} withHint />);
  expect(view.text()).toBe('未计时尚未受理，未开始计时');
  view.unmount();
});

test('a closed case shows neither a light nor a date', async () => {
  const view = await render(<LightBadge light="red" promisedDate="2026-03-06" closed />);
  expect(view.text()).toBe('已结束');
  expect(view.container.querySelector('.nut-tag-danger')).toBeNull();
  view.unmount();
});

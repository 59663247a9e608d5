/** @jest-environment jsdom */
/** Rating a finished case: a level is needed, a bad one needs its reason, the gateway's answer shows. */
import './support/jsdom-stubs';
import { RatingForm } from '../../../miniprogram/components/rating-form';
import { levelName, ratingProblem } from '../../../miniprogram/components/rating-form/rating-rules';
import { ApiError } from '../../../miniprogram/services/api';
import { render, settle } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

test('level names and what a rating needs', () => {
  expect([5, 4, 3, 2, 1, 0].map(levelName)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意', '请选择']);
  expect(ratingProblem(0, '')).toBe('请选择评价等级');
  expect(ratingProblem(2, '太慢')).toBe('请写明不满意的原因（至少5个字），以便整改');
  expect(ratingProblem(2, '排队两个小时没人管')).toBeUndefined();
  expect(ratingProblem(4, '')).toBeUndefined();
});

const stars = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.nut-rate-item'));

test('rates with stars; a bad rating asks for the reason first', async () => {
  const onSubmit = jest.fn().mockRejectedValueOnce(new ApiError('rating.already_rated', '该事项已评价过，每件事只能评价一次', 409)).mockResolvedValue(undefined);
  const view = await render(<RatingForm onSubmit={onSubmit} />);
  expect(stars(view.container)).toHaveLength(5);

  await view.click('提交评价');
  expect(view.text()).toContain('请选择评价等级');

  await view.click(stars(view.container)[1]!);
  expect(view.text()).toContain('不满意');
  await view.click('提交评价');
  expect(view.text()).toContain('请写明不满意的原因');
  expect(onSubmit).not.toHaveBeenCalled();

  await view.type(view.container.querySelector('textarea')!, '排队两个小时没人管');
  await view.click('提交评价');
  await settle();
  expect(onSubmit).toHaveBeenCalledWith(2, '排队两个小时没人管');
  expect(view.text()).toContain('该事项已评价过，每件事只能评价一次');

  await view.click(stars(view.container)[4]!);
  await view.click('提交评价');
  await settle();
  expect(onSubmit).toHaveBeenLastCalledWith(5, '排队两个小时没人管');
  expect(view.text()).toBe('感谢您的评价！');
  view.unmount();
});

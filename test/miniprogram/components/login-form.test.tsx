/** @jest-environment jsdom */
/** The SMS login form: checks before asking, the code request with its countdown, the gateway's errors. */
import './support/jsdom-stubs';
import { LoginForm } from '../../../miniprogram/components/login-form';
import { codeButtonText, codeProblem, phoneProblem } from '../../../miniprogram/components/login-form/login-form-state';
import { ApiError } from '../../../miniprogram/services/api';
import { render, settle, type Rendered } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

const input = (view: Rendered, placeholder: string) => {
  const el = view.container.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
  if (!el) throw new Error(`no input "${placeholder}"`);
  return el;
};

test('validation wording', () => {
  expect(phoneProblem('')).toBe('请输入手机号码');
  expect(phoneProblem('1390000')).toBe('请输入11位手机号码');
  expect(phoneProblem('12900000000')).toBe('请输入11位手机号码');
  expect(phoneProblem(' 13900000001 ')).toBeUndefined();
  expect(codeProblem('12a456')).toBe('验证码为6位数字');
  expect(codeButtonText(0, false)).toBe('获取验证码');
  expect(codeButtonText(42, true)).toBe('42秒后重发');
  expect(codeButtonText(0, true)).toBe('重新获取');
});

test('asks for a code only for a valid phone, then counts down', async () => {
  const onRequestCode = jest.fn().mockResolvedValue(undefined);
  const view = await render(<LoginForm onRequestCode={onRequestCode} onSubmit={jest.fn()} />);

  await view.click('获取验证码');
  expect(view.text()).toContain('请输入手机号码');
  expect(onRequestCode).not.toHaveBeenCalled();

  await view.type(input(view, '请输入手机号码'), '1390000');
  await view.click('获取验证码');
  expect(view.text()).toContain('请输入11位手机号码');

  await view.type(input(view, '请输入手机号码'), '13900000001');
  await view.click('获取验证码');
  await settle();
  expect(onRequestCode).toHaveBeenCalledWith('13900000001');
  expect(view.text()).toContain('验证码已发送，请查收短信');
  expect(view.text()).toContain('60秒后重发');

  await view.click('60秒后重发'); // disabled while counting down
  expect(onRequestCode).toHaveBeenCalledTimes(1);
  view.unmount();
});

test("logs in with phone and code and shows the gateway's message when refused", async () => {
  const onSubmit = jest.fn().mockRejectedValueOnce(new ApiError('auth.code_invalid', '验证码错误或已过期', 400)).mockResolvedValueOnce(undefined);
  const view = await render(<LoginForm onRequestCode={jest.fn()} onSubmit={onSubmit} submitText="登录" />);
  await view.type(input(view, '请输入手机号码'), '13900000001');

  await view.click('登录');
  expect(view.text()).toContain('请输入短信验证码');
  expect(onSubmit).not.toHaveBeenCalled();

  await view.type(input(view, '6位短信验证码'), '123456');
  await view.click('登录');
  await settle();
  expect(onSubmit).toHaveBeenCalledWith('13900000001', '123456');
  expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('验证码错误或已过期');

  await view.click('登录');
  await settle();
  expect(onSubmit).toHaveBeenCalledTimes(2);
  expect(view.container.querySelector('[role="alert"]')).toBeNull();
  view.unmount();
});

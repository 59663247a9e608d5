/** The SMS login form's rules: what must be right before asking for a code or logging in. */
import { isMobilePhone, isSmsCode } from '../../utils/validation';

export const CODE_RESEND_SECONDS = 60;

export function phoneProblem(phone: string): string | undefined {
  if (phone.trim() === '') return '请输入手机号码';
  if (!isMobilePhone(phone)) return '请输入11位手机号码';
  return undefined;
}

export function codeProblem(code: string): string | undefined {
  if (code.trim() === '') return '请输入短信验证码';
  if (!isSmsCode(code)) return '验证码为6位数字';
  return undefined;
}

export function codeButtonText(secondsLeft: number, sentBefore: boolean): string {
  if (secondsLeft > 0) return `${secondsLeft}秒后重发`;
  return sentBefore ? '重新获取' : '获取验证码';
}

/** Input type for a phone or code: WeChat knows "number", a browser "tel" (keeps maxlength working). */
export const numericInputType = (): 'number' | 'tel' => (process.env.TARO_ENV === 'weapp' ? 'number' : 'tel');

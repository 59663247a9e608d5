/**
 * Resident logins by platform: in WeChat `Taro.login()` gives a code the gateway exchanges for the
 * openid; in a browser the resident proves a phone with an SMS code.
 */
import Taro from '@tarojs/taro';
import { api, ApiError } from './api';
import type { ResidentProfile } from './me';

export interface ResidentSession {
  token: string;
  expiresAt?: string;
  user: ResidentProfile;
}

/** Whether this build can log in with WeChat (only the weapp can). */
export const canUseWechatLogin = () => process.env.TARO_ENV === 'weapp';

export async function loginWithWechat(): Promise<ResidentSession> {
  let code: string | undefined;
  try {
    code = (await Taro.login()).code;
  } catch {
    code = undefined;
  }
  if (!code) throw new ApiError('identity.wechat_login_failed', '微信登录失败，请改用手机验证码登录', 0);
  return api.post<ResidentSession>('/api/v1/auth/wechat', { code });
}

export const requestSmsCode = (phone: string) => api.post<unknown>('/api/v1/auth/sms-codes', { phone });

export const loginWithSmsCode = (phone: string, code: string) => api.post<ResidentSession>('/api/v1/auth/sms-login', { phone, code });

/**
 * WeChat mini-program login: the `wx.login` code is exchanged through WeChat's jscode2session
 * for the user's openid. WeChat's error codes become our errors (retryable ones as 429/503).
 */
import { config } from '../../config/server';
import { AppError } from '../errors';
import { logger } from '../logger';
import { findOrCreateResidentByOpenId, residentSession } from './residents';

interface Code2SessionReply {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

function wechatError(errcode: number): AppError {
  switch (errcode) {
    case 40029:
    case 40163:
      return new AppError(400, 'identity.wechat_code_invalid', '微信登录凭证无效或已使用，请重新进入小程序');
    case 45011:
      return new AppError(429, 'identity.wechat_rate_limited', '登录过于频繁，请稍后再试', undefined, 60);
    case 40226:
      return new AppError(403, 'identity.wechat_risky_user', '该微信账号暂时无法登录，请改用手机验证码登录');
    case -1:
      return new AppError(503, 'identity.wechat_busy', '微信服务繁忙，请稍后重试', undefined, 5);
    default:
      return new AppError(502, 'identity.wechat_failed', '微信登录失败，请稍后重试');
  }
}

export async function exchangeWechatCode(code: string): Promise<string> {
  const { appId, secret, apiBase } = config().wechat;
  if (!appId || !secret) throw new AppError(503, 'identity.wechat_unconfigured', '暂未开通微信登录，请使用手机验证码登录');
  const url = new URL('/sns/jscode2session', apiBase);
  url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
  let reply: Code2SessionReply;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    reply = (await res.json()) as Code2SessionReply;
  } catch (err) {
    logger().warn({ err: (err as Error).message }, 'jscode2session unreachable');
    throw new AppError(503, 'identity.wechat_busy', '微信服务繁忙，请稍后重试', undefined, 5);
  }
  if (reply.errcode) {
    logger().info({ errcode: reply.errcode }, 'jscode2session refused');
    throw wechatError(reply.errcode);
  }
  if (!reply.openid) throw wechatError(0);
  return reply.openid;
}

export async function loginWithWechat(code: string) {
  const openId = await exchangeWechatCode(code);
  return residentSession(await findOrCreateResidentByOpenId(openId));
}

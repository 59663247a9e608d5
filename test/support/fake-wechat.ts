/**
 * A loopback stand-in for WeChat's jscode2session that answers like WeChat: checks appid and
 * secret, accepts each login code once, and can be told to fail the way WeChat does.
 */
import { createServer, type Server } from 'node:http';

export interface FakeWechat {
  apiBase: string;
  appId: string;
  secret: string;
  /** Registers a login code for a user (the code wx.login would return); returns the code. */
  codeFor(user: string): string;
  /** The next call answers with this WeChat errcode (40029 invalid, 45011 rate limit, -1 busy, 40226 risky). */
  failNext(errcode: number): void;
  calls: number;
  close(): Promise<void>;
}

export async function startFakeWechat(appId = 'wx-test-app', secret = 'wx-test-secret'): Promise<FakeWechat> {
  const codes = new Map<string, string>();
  const failures: number[] = [];
  let seq = 0;
  const state = { calls: 0 };
  const server: Server = createServer((req, res) => {
    state.calls++;
    const url = new URL(req.url ?? '/', 'http://x');
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // WeChat really answers JSON as text/plain
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: 40066, errmsg: 'invalid url' });
    if (url.searchParams.get('appid') !== appId) return reply({ errcode: 40013, errmsg: 'invalid appid' });
    if (url.searchParams.get('secret') !== secret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (url.searchParams.get('grant_type') !== 'authorization_code') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
    const failure = failures.shift();
    if (failure !== undefined) return reply({ errcode: failure, errmsg: 'simulated' });
    const code = url.searchParams.get('js_code') ?? '';
    const user = codes.get(code);
    if (!user) return reply({ errcode: 40029, errmsg: 'invalid code' });
    codes.delete(code); // a code works once, as on WeChat
    reply({ openid: `openid-${user}`, session_key: 'c2Vzc2lvbi1rZXk=' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    apiBase: `http://127.0.0.1:${port}`,
    appId,
    secret,
    codeFor(user) {
      const code = `wxcode-${++seq}-${user}`;
      codes.set(code, user);
      return code;
    },
    failNext(errcode) {
      failures.push(errcode);
    },
    get calls() {
      return state.calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

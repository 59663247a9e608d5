import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config/server';

const tmp = () => mkdtempSync(join(tmpdir(), 'ow-config-'));

describe('configuration', () => {
  it('has safe development defaults and keeps generated secrets across restarts', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    expect(a.host).toBe('127.0.0.1');
    expect(a.port).toBe(3000);
    expect(a.sms.provider).toBe('console');
    expect(a.demoSeed).toBe(true);
    expect(a.secrets.dataKey).toHaveLength(32);
    const b = loadConfig({ DATA_DIR: dir });
    expect(b.secrets.tokenKey.equals(a.secrets.tokenKey)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).TOKEN_SECRET).toBeTruthy();
  });

  it('turns demo data off by default with an external database', () => {
    expect(loadConfig({ DATA_DIR: tmp(), MONGODB_URI: 'mongodb://db.example:27017/ow?replicaSet=rs0' }).demoSeed).toBe(false);
  });

  it('lists one readable line per problem', () => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: tmp(), PORT: 'eighty', SMS_PROVIDER: 'carrier-pigeon', MONGODB_URI: 'http://x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SMS_PROVIDER:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('MONGODB_URI:'))).toBe(true);
  });

  it('refuses to start in production without real secrets and a database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/TOKEN_SECRET[\s\S]*DATA_ENCRYPTION_KEY[\s\S]*MONGODB_URI/);
  });

  it('needs Aliyun credentials with the aliyun provider and https unless loopback', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), SMS_PROVIDER: 'aliyun' })).toThrow(/ALIYUN_ACCESS_KEY_ID/);
    expect(() =>
      loadConfig({ DATA_DIR: tmp(), SMS_PROVIDER: 'aliyun', ALIYUN_ACCESS_KEY_ID: 'a', ALIYUN_ACCESS_KEY_SECRET: 'b', ALIYUN_SMS_PROTOCOL: 'http', ALIYUN_SMS_ENDPOINT: 'dysmsapi.aliyuncs.com' }),
    ).toThrow(/loopback/);
    const ok = loadConfig({ DATA_DIR: tmp(), SMS_PROVIDER: 'aliyun', ALIYUN_ACCESS_KEY_ID: 'a', ALIYUN_ACCESS_KEY_SECRET: 'b', ALIYUN_SMS_PROTOCOL: 'http', ALIYUN_SMS_ENDPOINT: '127.0.0.1:9999' });
    expect(ok.sms.aliyun.protocol).toBe('http');
  });

  it('rejects short secrets', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), TOKEN_SECRET: 'c2hvcnQ=' })).toThrow(/TOKEN_SECRET: must be at least 32 bytes/);
  });
});

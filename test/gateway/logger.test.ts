import { Writable } from 'node:stream';
import { createLogger } from '../../gateway/logger';
import { maskIdNumber, maskPhone, maskSensitiveText } from '../../gateway/privacy/mask';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger('info', stream), lines };
}

describe('privacy in logs', () => {
  it('masks phone and ID numbers', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskIdNumber('150203199001011234')).toBe('1502**********1234');
    expect(maskSensitiveText('手机13800138000，身份证15020319900101123X')).toBe('手机138****8000，身份证1502**********123X');
  });

  it('never writes a full phone or ID number, in fields or in messages', () => {
    const { log, lines } = capture();
    log.info({ phone: '13800138000', user: { idNumber: '150203199001011234' }, note: '回拨 +8613912345678' }, 'resident 13800138000 with 150203199001011234 called');
    log.error({ err: new Error('lookup failed for 13912345678') }, 'oops');
    const out = lines.join('');
    expect(out).not.toMatch(/13800138000|150203199001011234|13912345678/);
    expect(out).toContain('138****8000');
    expect(out).toContain('[redacted]');
  });
});

/** The bounded cache of serialized guide answers. */
import { AnswerCache } from '../../../gateway/guides/answer-cache';

const bytes = (s: string) => Buffer.from(s);

describe('AnswerCache', () => {
  it('serializes an answer once and then hands out the same bytes', () => {
    const cache = new AnswerCache(10);
    const compute = jest.fn(() => ({ items: ['结婚登记'], total: 1 }));
    const first = cache.through('q=jiehun', compute);
    const second = cache.through('q=jiehun', compute);
    expect(first.toString()).toBe(JSON.stringify({ items: ['结婚登记'], total: 1 }));
    expect(second).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing when computing the answer throws', () => {
    const cache = new AnswerCache(10);
    expect(() => cache.through('code=none', () => { throw new Error('not found'); })).toThrow('not found');
    expect(cache.size).toBe(0);
  });

  it('holds at most its capacity, forgetting the least recently used answer first', () => {
    const cache = new AnswerCache(2);
    cache.set('a', bytes('A'));
    cache.set('b', bytes('B'));
    expect(cache.get('a')?.toString()).toBe('A'); // a is now the most recently used
    cache.set('c', bytes('C'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.toString()).toBe('A');
    expect(cache.get('c')?.toString()).toBe('C');
  });

  it('does not keep answers under overlong keys', () => {
    const cache = new AnswerCache(10, 16);
    cache.set('x'.repeat(17), bytes('long'));
    cache.set('x'.repeat(16), bytes('short'));
    expect(cache.size).toBe(1);
    expect(cache.get('x'.repeat(16))?.toString()).toBe('short');
  });
});

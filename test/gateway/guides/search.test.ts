/**
 * Behaviour of the in-memory guide search: how residents type (pinyin, initials, typos, colloquial
 * phrases, filler, full-width), filters, listing, pagination, type-ahead, and nothing for nonsense.
 */
import {
  GuideSearchIndex,
  toSearchableGuide,
  type SearchableGuide,
  type SynonymDictionary,
} from '../../../gateway/guides/search';
import { defaultDictionary } from '../../../gateway/guides/search/synonyms';
import { demoGuides } from '../../../gateway/seed/guides';

const guides = demoGuides.map(toSearchableGuide);
const index = GuideSearchIndex.build(guides);

const codeOf = (name: string): string => {
  const g = guides.find((x) => x.name === name);
  if (!g) throw new Error(`no demo guide named ${name}`);
  return g.code;
};
const nameOf = new Map(guides.map((g) => [g.code, g.name]));
/** Names of the first `n` results. */
const top = (q: string, n = 3, idx = index): string[] =>
  idx.search(q, { limit: n }).items.map((i) => nameOf.get(i.code) ?? i.code);
const first = (q: string, idx = index): string | undefined => top(q, 1, idx)[0];

const ID_FIRST = '居民身份证申领';
const ID_RENEW = '居民身份证换领、补领';
const SOLE_TRADER = '个体工商户登记';
const COMPANY = '企业设立登记';

describe('guide search', () => {
  it('indexes the whole catalogue', () => {
    expect(index.size).toBe(demoGuides.length);
    expect(toSearchableGuide(demoGuides[0]!).points).toContain('banner-hall');
  });

  describe('pinyin', () => {
    it('reads full pinyin, with or without spaces', () => {
      expect(top('yingyezhizhao', 2).sort()).toEqual([COMPANY, SOLE_TRADER].sort());
      expect(first('kai fan dian')).toBe('食品经营许可');
      expect(first('jiehundengji')).toBe('结婚登记');
      expect(top('shenfenzheng', 2).sort()).toEqual([ID_FIRST, ID_RENEW].sort());
      expect(first('GONGJIJIN')).toBe('住房公积金提取');
    });

    it('reads initials, alone or next to Chinese', () => {
      expect(top('yyzz', 2).sort()).toEqual([COMPANY, SOLE_TRADER].sort());
      expect(top('sfz', 2).sort()).toEqual([ID_FIRST, ID_RENEW].sort());
      expect(first('jhdj')).toBe('结婚登记');
      expect(first('zjd')).toBe('农村宅基地审批');
      expect(first('sfz丢了')).toBe(ID_RENEW);
      expect(first('gjj提取')).toBe('住房公积金提取');
      // zh/ch/sh typed for the initial of 社
      expect(first('shbk')).toBe('社会保障卡申领');
    });
  });

  describe('typos', () => {
    it('finds homophone typos through pinyin', () => {
      expect(first('结昏登记')).toBe('结婚登记');
      expect(first('宅机地怎么批')).toBe('农村宅基地审批');
      expect(first('公基金提取')).toBe('住房公积金提取');
      expect(first('身份正过期了')).toBe(ID_RENEW);
    });

    it('finds a word with one wrong, differently sounding character through bigrams', () => {
      expect(first('食品经营许司')).toBe('食品经营许可');
      expect(first('宅基她')).toBe('农村宅基地审批');
      expect(first('孩纸上户口')).toBe('出生登记（上户口）');
    });

    it('does not "correct" particles into words (的补贴 is not 地补)', () => {
      expect(first('生孩子的补贴怎么领')).toBe('生育津贴申领');
    });
  });

  describe('colloquial phrases', () => {
    it('understands what residents say through the phrase dictionary', () => {
      expect(first('开饭店')).toBe('食品经营许可');
      expect(first('上户口')).toBe('出生登记（上户口）');
      expect(first('过户')).toBe('不动产转移登记（二手房过户）');
      expect(first('扯证')).toBe('结婚登记');
      expect(first('良民证')).toBe('无犯罪记录证明开具');
    });

    it('takes the dictionary as data', () => {
      const phrase = '整个吃喝铺子';
      expect(index.search(phrase).total).toBe(0);
      const dictionary: SynonymDictionary = {
        ...defaultDictionary,
        phrases: [...defaultDictionary.phrases, { say: [phrase], means: ['食品经营许可'] }],
      };
      const withPhrase = GuideSearchIndex.build(guides, dictionary);
      expect(first(phrase, withPhrase)).toBe('食品经营许可');
      expect(first(`我想${phrase}要办啥`, withPhrase)).toBe('食品经营许可');
    });
  });

  describe('normalisation and filler', () => {
    it('ignores question words and filler', () => {
      expect(top('请问身份证丢了怎么办啊')).toEqual(top('身份证丢了'));
      expect(first('我想问一下结婚登记需要带什么材料')).toBe('结婚登记');
      expect(first('我想开个小吃店需要什么手续')).toBe('食品经营许可');
      expect(index.search('怎么办需要什么在哪里').total).toBe(0);
    });

    it('folds full-width characters, case and punctuation', () => {
      expect(top('ＫＴＶ')).toEqual(top('ktv'));
      expect(first('KTV')).toBe('娱乐场所经营许可');
      expect(top('ｓｆｚ过期了！')).toEqual(top('sfz过期了'));
      expect(top('身份证？？')).toEqual(top('身份证'));
      expect(top('  出生登记（上户口）  ')).toEqual(top('出生登记 上户口'));
    });
  });

  describe('filters', () => {
    const all = (q: string, filters: Parameters<GuideSearchIndex['search']>[1] extends infer O ? O : never) =>
      index.search(q, { ...(filters as object), limit: 1000 });

    it('by window, with and without a query', () => {
      const agriculture = guides.filter((g) => g.window === 'agriculture');
      const listed = all('', { filters: { window: 'agriculture' } });
      expect(listed.total).toBe(agriculture.length);
      expect(listed.items.map((i) => i.code).sort()).toEqual(agriculture.map((g) => g.code).sort());
      const subsidies = all('补贴', { filters: { window: 'agriculture' } });
      expect(subsidies.items.map((i) => nameOf.get(i.code))).toContain('农机购置补贴申领');
      expect(subsidies.items.every((i) => agriculture.some((g) => g.code === i.code))).toBe(true);
      expect(all('补贴', {}).items.map((i) => nameOf.get(i.code))).toContain('高龄津贴申领');
      expect(all('补贴', { filters: { window: 'nowhere' } })).toEqual({ items: [], total: 0 });
    });

    it('by life event', () => {
      const marriage = guides.filter((g) => g.lifeEvents.includes('婚姻')).map((g) => g.code);
      expect(all('', { filters: { lifeEvent: '婚姻' } }).items.map((i) => i.code).sort()).toEqual(marriage.sort());
      expect(all('登记', { filters: { lifeEvent: '婚姻' } }).items.map((i) => nameOf.get(i.code))).toEqual(
        expect.arrayContaining(['结婚登记', '离婚登记']),
      );
      expect(all('结婚', { filters: { lifeEvent: '开办企业' } }).total).toBe(0);
    });

    it('by service point', () => {
      const village = guides.filter((g) => g.points.includes('dalu-xiaotanzi')).map((g) => g.code);
      expect(village.length).toBeGreaterThan(0);
      expect(all('', { filters: { point: 'dalu-xiaotanzi' } }).items.map((i) => i.code).sort()).toEqual(village.sort());
      expect(all('低保', { filters: { point: 'dalu-xiaotanzi' } }).items.map((i) => nameOf.get(i.code))[0]).toBe('最低生活保障审批');
      expect(all('结婚', { filters: { point: 'dalu-xiaotanzi' } }).total).toBe(0);
    });

    it('by online and bookable', () => {
      const offline = guides.filter((g) => !g.online).map((g) => g.code);
      expect(all('', { filters: { online: false } }).items.map((i) => i.code).sort()).toEqual(offline.sort());
      const idCards = all('身份证', { filters: { online: false } }).items.map((i) => nameOf.get(i.code));
      expect(idCards.sort()).toEqual([ID_FIRST, ID_RENEW].sort());
      expect(all('身份证', { filters: { online: true } }).items.map((i) => nameOf.get(i.code))).not.toContain(ID_FIRST);

      const mixed: SearchableGuide[] = guides.map((g) => (g.name === '结婚登记' ? { ...g, bookable: false } : g));
      const idx = GuideSearchIndex.build(mixed);
      expect(idx.search('结婚', { filters: { bookable: false } }).items.map((i) => nameOf.get(i.code))).toEqual(['结婚登记']);
      expect(idx.search('结婚登记', { filters: { bookable: true } }).items.map((i) => nameOf.get(i.code))).not.toContain('结婚登记');
      expect(idx.search('', { filters: { bookable: false } }).total).toBe(1);
    });
  });

  describe('listing and pagination', () => {
    it('lists every guide for an empty or blank query, by window then name', () => {
      const listed = index.search('   ', { limit: 1000 });
      expect(listed.total).toBe(guides.length);
      expect(listed.items.every((i) => i.score === 0)).toBe(true);
      const rows = listed.items.map((i) => guides.find((g) => g.code === i.code)!);
      const collator = new Intl.Collator('zh-CN');
      for (let k = 1; k < rows.length; k++) {
        const [a, b] = [rows[k - 1]!, rows[k]!];
        expect(a.window <= b.window).toBe(true);
        if (a.window === b.window) expect(collator.compare(a.name, b.name)).toBeLessThanOrEqual(0);
      }
      expect(index.search('').total).toBe(guides.length);
      expect(index.search('').items).toHaveLength(20);
    });

    it('pages through results with offset and limit, total unchanged', () => {
      const whole = index.search('登记', { limit: 100 });
      expect(whole.total).toBeGreaterThan(10);
      const page1 = index.search('登记', { limit: 5 });
      const page2 = index.search('登记', { offset: 5, limit: 5 });
      expect(page1.total).toBe(whole.total);
      expect(page2.total).toBe(whole.total);
      expect([...page1.items, ...page2.items]).toEqual(whole.items.slice(0, 10));
      const scores = whole.items.map((i) => i.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(index.search('登记', { offset: whole.total, limit: 5 })).toEqual({ items: [], total: whole.total });
      expect(index.search('', { offset: 70, limit: 20 }).items).toHaveLength(guides.length - 70);
      expect(index.search('登记', { limit: 0 }).items).toEqual([]);
    });
  });

  describe('suggest', () => {
    const names = (q: string, limit?: number) => index.suggest(q, limit).map((s) => s.name);

    it('completes Chinese prefixes and text inside names', () => {
      expect(names('营业')).toEqual(expect.arrayContaining([SOLE_TRADER, COMPANY]));
      expect(names('宅基')[0]).toBe('农村宅基地审批');
      expect(names('身份证').sort()).toEqual([ID_FIRST, ID_RENEW].sort());
      expect(names('补贴').slice(0, 3)).toEqual(expect.arrayContaining(['农机购置补贴申领', '耕地地力保护补贴发放']));
      expect(index.suggest('结婚登记')[0]).toEqual({ code: codeOf('结婚登记'), name: '结婚登记' });
    });

    it('completes partial pinyin and initials', () => {
      expect(names('yingy')).toEqual(expect.arrayContaining([SOLE_TRADER, COMPANY]));
      expect(names('zhaij')[0]).toBe('农村宅基地审批');
      expect(names('kai fan')[0]).toBe('食品经营许可');
      expect(names('jieh')[0]).toBe('结婚登记');
      expect(names('sfz').sort()).toEqual([ID_FIRST, ID_RENEW].sort());
      expect(names('gj')).toContain('住房公积金提取');
    });

    it('respects the limit and returns nothing for nothing', () => {
      expect(index.suggest('登', 3)).toHaveLength(3);
      expect(index.suggest('')).toEqual([]);
      expect(index.suggest('  ')).toEqual([]);
      expect(index.suggest('qwxzqq')).toEqual([]);
    });

    it('falls back to the search ranking when nothing starts with what was typed', () => {
      expect(names('结昏')[0]).toBe('结婚登记');
    });
  });

  describe('nonsense', () => {
    it.each(['asdfgh', 'qwerty', 'zxcv', '今天天气怎么样', '量子力学', '我爱你', '电脑坏了', '哈哈哈', '!!!', '123456'])(
      'returns nothing for %s rather than random guides',
      (q) => {
        expect(index.search(q)).toEqual({ items: [], total: 0 });
      },
    );

    it('returns nothing from an empty catalogue', () => {
      const empty = GuideSearchIndex.build([]);
      expect(empty.size).toBe(0);
      expect(empty.search('身份证')).toEqual({ items: [], total: 0 });
      expect(empty.search('')).toEqual({ items: [], total: 0 });
      expect(empty.suggest('sfz')).toEqual([]);
    });
  });
});

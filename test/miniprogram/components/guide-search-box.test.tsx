/** @jest-environment jsdom */
/** Type-ahead in the guide search box: asks after a pause in typing, drops stale answers, picks. */
import './support/jsdom-stubs';
import { GuideSearchBox } from '../../../miniprogram/components/guide-search-box';
import { SUGGEST_DELAY_MS } from '../../../miniprogram/components/guide-search-box/use-suggestions';
import type { Suggestion } from '../../../miniprogram/services/guides';
import { render, settle, type Rendered } from './support/render';

jest.mock('@tarojs/components', () => require('./support/taro-components'));
jest.mock('@tarojs/taro', () => require('./support/fake-taro'));

const SUGGESTIONS: Record<string, Suggestion[]> = {
  营业: [{ code: 'g1', name: '个体工商户登记' }, { code: 'g2', name: '食品经营许可' }],
  营业执照: [{ code: 'g1', name: '个体工商户登记' }],
};

function Harness({ fetch, onSearch, onPick }: { fetch: (q: string) => Promise<Suggestion[]>; onSearch: (q: string) => void; onPick: (s: Suggestion) => void }) {
  const [value, setValue] = require('react').useState('');
  return <GuideSearchBox value={value} onChange={setValue} onSearch={onSearch} onPick={onPick} fetchSuggestions={fetch} />;
}

const box = (view: Rendered) => view.container.querySelector<HTMLInputElement>('input')!;

test('suggests after a pause in typing and opens the picked guide', async () => {
  const fetch = jest.fn(async (q: string) => SUGGESTIONS[q] ?? []);
  const onPick = jest.fn();
  const view = await render(<Harness fetch={fetch} onSearch={jest.fn()} onPick={onPick} />);

  await view.type(box(view), '营');
  await view.type(box(view), '营业');
  await settle(SUGGEST_DELAY_MS + 50);
  expect(fetch.mock.calls.map(([q]) => q)).toEqual(['营业']); // one request for the pause, not per keystroke
  expect(view.container.querySelectorAll('[role="option"]')).toHaveLength(2);

  await view.click('食品经营许可');
  expect(onPick).toHaveBeenCalledWith({ code: 'g2', name: '食品经营许可' });
  expect(view.container.querySelector('[role="listbox"]')).toBeNull();
  view.unmount();
});

test('an answer for older input never replaces the newer one', async () => {
  let release!: () => void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  const fetch = jest.fn(async (q: string) => {
    if (q === '营业') await slow;
    return SUGGESTIONS[q] ?? [];
  });
  const view = await render(<Harness fetch={fetch} onSearch={jest.fn()} onPick={jest.fn()} />);
  await view.type(box(view), '营业');
  await settle(SUGGEST_DELAY_MS + 50);
  await view.type(box(view), '营业执照');
  await settle(SUGGEST_DELAY_MS + 50);
  expect(view.container.querySelectorAll('[role="option"]')).toHaveLength(1);
  release();
  await settle();
  expect(Array.from(view.container.querySelectorAll('[role="option"]')).map((o) => o.textContent)).toEqual(['个体工商户登记']);
  view.unmount();
});

test('searching runs the words typed and closes the suggestions; a failed type-ahead stays quiet', async () => {
  const onSearch = jest.fn();
  const view = await render(<Harness fetch={async () => Promise.reject(new Error('offline'))} onSearch={onSearch} onPick={jest.fn()} />);
  await view.type(box(view), '开饭店');
  await settle(SUGGEST_DELAY_MS + 50);
  expect(view.container.querySelector('[role="listbox"]')).toBeNull();
  await view.click('搜索');
  expect(onSearch).toHaveBeenCalledWith('开饭店');
  view.unmount();
});

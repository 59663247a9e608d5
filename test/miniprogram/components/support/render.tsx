/**
 * Renders a component into jsdom (with the stand-ins for Taro's host components) and offers the
 * few interactions the component tests need: read text, click by text, type into an input.
 */
import { act, type ReactElement } from 'react';

interface Root {
  render(node: ReactElement): void;
  unmount(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRoot } = require('react-dom/client') as { createRoot(container: Element): Root };

export interface Rendered {
  container: HTMLElement;
  text(): string;
  /** The innermost element whose own text is exactly `label`. */
  byText(label: string): HTMLElement;
  queryByText(label: string): HTMLElement | undefined;
  click(target: string | Element): Promise<void>;
  type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void>;
  rerender(node: ReactElement): Promise<void>;
  unmount(): void;
}

function innermost(root: HTMLElement, label: string): HTMLElement | undefined {
  const matches = Array.from(root.querySelectorAll<HTMLElement>('*')).filter((el) => el.textContent?.trim() === label);
  return matches.find((el) => !Array.from(el.children).some((child) => child.textContent?.trim() === label));
}

export async function render(node: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  const rendered: Rendered = {
    container,
    text: () => (container.textContent ?? '').replace(/\s+/g, ' ').trim(),
    queryByText: (label) => innermost(document.body, label),
    byText(label) {
      const found = innermost(document.body, label);
      if (!found) throw new Error(`nothing reads "${label}" in: ${rendered.text()}`);
      return found;
    },
    async click(target) {
      const el = typeof target === 'string' ? rendered.byText(target) : target;
      await act(async () => {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      });
    },
    async type(input, value) {
      await act(async () => {
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    async rerender(next) {
      await act(async () => root.render(next));
    },
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
  return rendered;
}

/** Lets pending promises and timers of the component settle inside act(). */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

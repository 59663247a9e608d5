/**
 * Stand-ins for `@tarojs/components` in jsdom: plain DOM elements carrying class names, data-*
 * and aria-* attributes, click handlers, and inputs that report typing the way Taro does
 * (`onInput` with `event.detail.value`). Enough to test our components' behaviour, not Taro's.
 */
import { createElement, forwardRef, type CSSProperties, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode; className?: string; style?: CSSProperties | string };

const passThrough = (key: string) => key.startsWith('data-') || key.startsWith('aria-') || key === 'id' || key === 'role';

function domProps(props: Props, ref: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ref, className: props.className };
  if (typeof props.style === 'object') out.style = props.style;
  if (props.onClick) out.onClick = props.onClick;
  for (const [key, value] of Object.entries(props)) if (passThrough(key)) out[key] = value;
  return out;
}

function host(tag: string) {
  return forwardRef<HTMLElement, Props>(function Host(props, ref) {
    return createElement(tag, domProps(props, ref), props.children as ReactNode);
  });
}

export const View = host('div');
export const Text = host('span');
export const ScrollView = host('div');
export const Button = host('button');
export const Form = host('form');
export const Canvas = host('canvas');
export const Video = host('video');
export const Swiper = host('div');
export const SwiperItem = host('div');
export const Label = host('label');
export const Image = forwardRef<HTMLImageElement, Props>(function Image(props, ref) {
  return createElement('img', { ...domProps(props, ref), src: props.src as string });
});

function field(tag: 'input' | 'textarea') {
  return forwardRef<HTMLElement, Props>(function Field(props, ref) {
    const report = (name: string) => (event: { target: { value: string } }) =>
      (props[name] as ((e: unknown) => void) | undefined)?.({ detail: { value: event.target.value }, target: event.target, currentTarget: event.target });
    return createElement(tag, {
      ...domProps(props, ref),
      value: (props.value as string | undefined) ?? '',
      placeholder: props.placeholder,
      disabled: props.disabled,
      maxLength: typeof props.maxlength === 'number' && props.maxlength > 0 ? props.maxlength : undefined,
      type: tag === 'input' ? (props.password ? 'password' : 'text') : undefined,
      onChange: report('onInput'),
      onFocus: report('onFocus'),
      onBlur: report('onBlur'),
    });
  });
}

export const Input = field('input');
export const Textarea = field('textarea');

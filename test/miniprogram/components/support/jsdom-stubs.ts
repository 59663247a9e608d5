/**
 * Prepares jsdom for NutUI: its bundled Lottie paints on a canvas as soon as it is imported, and
 * React must know it runs inside act().
 */
const noop = () => undefined;
HTMLCanvasElement.prototype.getContext = (() =>
  new Proxy({}, { get: (_target, key) => (key === 'canvas' ? document.createElement('canvas') : noop), set: () => true })) as never;
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Lottie warns that mini-programs cannot create canvases; irrelevant here.
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Lottie')) return;
  warn(...args);
};

// Warnings about NutUI's own code, not ours: its icons set a vendor-prefixed style React does not
// know, and its dialog animates with react-transition-group, which still calls findDOMNode.
const NUTUI_WARNINGS = ['Unsupported style property', 'findDOMNode is deprecated'];
const error = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && NUTUI_WARNINGS.some((w) => (args[0] as string).includes(w))) return;
  error(...args);
};

/** Production build (`taro build`): Taro minifies by default; nothing to add yet. */
import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;

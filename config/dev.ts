/**
 * Development build (`taro build --watch`): readable output, webpack stats in the console.
 * The H5 dev server forwards /api to a local gateway (`npm run dev`), keeping calls same-origin
 * as they are when the gateway serves dist/h5 itself.
 */
import type { UserConfigExport } from '@tarojs/cli';

const GATEWAY_ORIGIN = process.env.ONEWINDOW_GATEWAY_ORIGIN ?? 'http://127.0.0.1:3000';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      host: '127.0.0.1',
      proxy: { '/api': { target: GATEWAY_ORIGIN, changeOrigin: true } },
      historyApiFallback: true,
    },
  },
} satisfies UserConfigExport<'webpack5'>;

/**
 * Taro build configuration for the resident mini-program (weapp) and its H5 twin.
 * Taro loads only this file from config/; config/server.ts belongs to the gateway.
 */
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Each platform builds into dist/<platform>: the gateway serves dist/h5, WeChat DevTools opens
 * dist/weapp (project.config.json), and scripts/build-miniprogram.ts relies on the same layout.
 */
function outputRootFor(env: string | undefined): string {
  return env === 'h5' ? 'dist/h5' : 'dist/weapp';
}

/** NutUI's styles are written against a 375px design; ours against 750px. */
function designWidthFor(input?: unknown): number {
  const file = (input as { file?: string } | undefined)?.file;
  if (typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
  return 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'onewindow',
    date: '2025-11-26',
    designWidth: designWidthFor,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'miniprogram',
    outputRoot: outputRootFor(process.env.TARO_ENV),
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      webpackChain(chain) {
        // Every page is an async chunk; Taro's default (chunks: 'initial') would copy NutUI and the
        // shared components into each page's chunk. Sharing them keeps pages small and builds fast.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});

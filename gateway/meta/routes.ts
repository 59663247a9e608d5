/** GET /api/v1/meta: what the clients show before anything else (center name, the four windows). */
import { ApiRouter } from '../http/routes';

export const SINGLE_WINDOW_NAMES = {
  market_access: '市场准入',
  construction: '基本建设',
  agriculture: '农牧业产业发展',
  social_affairs: '社会事业',
} as const;

export const metaRoutes = new ApiRouter('/api/v1').route({
  method: 'get',
  path: '/meta',
  summary: 'Center name and the four single windows',
  tags: ['meta'],
  handler: () => ({
    name: '一窗通办',
    center: '准格尔旗政务服务中心',
    motto: '让数据多跑路，让群众少跑腿',
    windows: Object.entries(SINGLE_WINDOW_NAMES).map(([code, name]) => ({ code, name })),
  }),
});

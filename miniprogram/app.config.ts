/**
 * The main package holds only the home page; every other page lives in a subPackage of its area,
 * so the first download stays small and each area loads when first opened.
 */
export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    { root: 'packages/guides', pages: ['search/index', 'detail/index', 'points/index'] },
    { root: 'packages/booking', pages: ['new/index', 'mine/index'] },
    { root: 'packages/applications', pages: ['status/index', 'mine/index', 'detail/index', 'apply/index'] },
    { root: 'packages/complaints', pages: ['new/index', 'detail/index', 'mine/index'] },
    { root: 'packages/notices', pages: ['list/index', 'detail/index', 'subscribe/index'] },
    { root: 'packages/me', pages: ['index/index', 'login/index', 'real-name/index', 'messages/index'] },
    {
      root: 'packages/staff',
      pages: ['login/index', 'inbox/index', 'application/index', 'supervision/index', 'queue/index', 'messages/index', 'complaints/index', 'complaint/index', 'hall/index'],
    },
  ],
  preloadRule: {
    // After the home page opens, fetch the guide pages most residents go to next.
    'pages/index/index': { network: 'all', packages: ['packages/guides'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '一窗通办',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
  permission: {
    'scope.userLocation': { desc: '用于在地图上显示服务网点的位置' },
  },
});

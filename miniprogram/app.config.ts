/**
 * The main package holds only what a resident sees first. Later pages join as subPackages grouped
 * by area (guides, bookings, applications, complaints, notices), e.g.
 *   subPackages: [{ root: 'packages/bookings', pages: ['pages/new/index', 'pages/mine/index'] }]
 * so the first download stays small.
 */
export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '一窗通办',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
});

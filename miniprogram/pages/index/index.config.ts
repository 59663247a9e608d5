export default definePageConfig({
  navigationBarTitleText: '一窗通办',
});

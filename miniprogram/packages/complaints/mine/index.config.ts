export default definePageConfig({ navigationBarTitleText: '我的投诉建议' });

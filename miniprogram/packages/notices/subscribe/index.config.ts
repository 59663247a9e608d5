export default definePageConfig({ navigationBarTitleText: '通知订阅' });

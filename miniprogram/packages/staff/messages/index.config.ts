export default definePageConfig({ navigationBarTitleText: '短信记录' });

export default definePageConfig({ navigationBarTitleText: '叫号显示', navigationBarBackgroundColor: '#102027' });

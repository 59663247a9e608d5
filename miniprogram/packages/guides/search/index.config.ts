export default definePageConfig({ navigationBarTitleText: '办事指南', onReachBottomDistance: 100 });

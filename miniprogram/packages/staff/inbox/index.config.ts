export default definePageConfig({ navigationBarTitleText: '审批工作台', enablePullDownRefresh: true });

/**
 * 基本建设综合窗口: planning, land, construction, real estate, environment and investment.
 */
import type { SeedGuide } from './index';

const WINDOW = 'construction';
const HALL_LOCATION = '准格尔旗政务服务中心二楼基本建设综合窗口';
const HOURS = '工作日 09:00-12:00, 14:30-17:30（法定节假日休息，周六上午可预约延时服务）';
const COMPLAINT_PHONE = '0477-4220012';
const FREE = { charged: false, standard: '不收费', basis: '本事项不收取任何费用' };
const TOWNSHIPS = ['xuejiawan', 'shagedu', 'dalu', 'narisong', 'longkou', 'zhungeerzhao', 'shierliancheng'];
const VILLAGES = ['dalu-xiaotanzi', 'shagedu-shagedu', 'xuejiawan-dongcheng', 'longkou-majiata', 'shierliancheng-liulin'];

/** Implementing departments: illustrative unified social credit codes and inquiry phones. */
const DEPARTMENTS = {
  resources: { name: '准格尔旗自然资源局', credit: '11150622MB1A28346E', phone: '0477-4223107' },
  housing: { name: '准格尔旗住房和城乡建设局', credit: '11150622MB1A31572Q', phone: '0477-4225263' },
  environment: { name: '鄂尔多斯市生态环境局准格尔旗分局', credit: '11150622MB1C06289W', phone: '0477-4218326' },
  development: { name: '准格尔旗发展和改革委员会', credit: '11150622MB1A20418N', phone: '0477-4226031' },
  water: { name: '准格尔旗水利局', credit: '11150622MB1A45390L', phone: '0477-4223845' },
  registry: { name: '准格尔旗不动产登记中心', credit: '12150622MB1F50271X', phone: '0477-4236600' },
  township: { name: '宅基地所在苏木乡镇人民政府', credit: '11150622MB1T00021K', phone: '0477-4223107' },
};

type Audience = 'individual' | 'legal_person';

interface MaterialInput {
  name: string;
  required?: boolean;
  form?: 'paper' | 'electronic' | 'both';
  copies?: number;
  source?: string;
  notes?: string;
  /** The application form itself: gets links to the blank form and a filled-in sample. */
  applicationForm?: boolean;
}

interface GuideInput {
  dept: keyof typeof DEPARTMENTS;
  baseCode: string;
  name: string;
  type: string;
  entrustedDepartment?: string;
  legalBasis: string[];
  conditions: string[];
  legalDays: number;
  promisedDays: number;
  fees?: { charged: boolean; standard: string; basis: string };
  materials: MaterialInput[];
  steps: string[];
  location?: string;
  tripsRequired: number;
  specialProcedures?: { name: string; limitDays: number }[];
  audiences: Audience[];
  level?: string;
  bookable?: boolean;
  online: boolean;
  express: boolean;
  scope: string;
  faqs: [question: string, answer: string][];
  lifeEvents: string[];
  keywords: string[];
  handledAt?: { point: string; windows: string[] }[];
}

function guide(i: GuideInput): SeedGuide {
  const dept = DEPARTMENTS[i.dept];
  const code = `${dept.credit}4${i.baseCode}`;
  return {
    code,
    baseCode: i.baseCode,
    name: i.name,
    type: i.type,
    window: WINDOW,
    department: dept.name,
    entrustedDepartment: i.entrustedDepartment ?? '',
    legalBasis: i.legalBasis,
    conditions: i.conditions,
    legalTimeLimitDays: i.legalDays,
    promisedTimeLimitDays: i.promisedDays,
    caseType: i.promisedDays === 0 ? 'immediate' : 'promised',
    fees: i.fees ?? FREE,
    materials: i.materials.map(({ applicationForm, ...m }) => ({
      required: true,
      form: 'both',
      copies: 1,
      source: '申请人自备',
      ...m,
      ...(applicationForm ? { blankFormUrl: `/forms/${code}-blank.pdf`, sampleUrl: `/forms/${code}-sample.pdf` } : {}),
    })),
    steps: i.steps,
    location: i.location ?? HALL_LOCATION,
    hours: HOURS,
    inquiryPhone: dept.phone,
    complaintPhone: COMPLAINT_PHONE,
    tripsRequired: i.tripsRequired,
    specialProcedures: (i.specialProcedures ?? []).map((p) => ({ ...p, countsInTimeLimit: false })),
    audiences: i.audiences,
    level: i.level ?? '县级',
    bookable: i.bookable ?? true,
    online: i.online,
    express: i.express,
    scope: i.scope,
    faqs: i.faqs.map(([question, answer]) => ({ question, answer })),
    lifeEvents: i.lifeEvents,
    keywords: i.keywords,
    handledAt: i.handledAt ?? [{ point: 'banner-hall', windows: ['construction'] }],
  };
}

const hall = { point: 'banner-hall', windows: ['construction'] };

const applicantId: MaterialInput = {
  name: '申请人身份证明（居民身份证或营业执照）',
  source: '政府部门核发',
  notes: '现场核验原件；电子证照可共享调取的免于提交',
};

const entrustment: MaterialInput = {
  name: '授权委托书及被委托人身份证件',
  required: false,
  form: 'paper',
  notes: '委托他人或中介机构代办时提供',
};

const projectApproval: MaterialInput = {
  name: '项目批准、核准或备案文件',
  source: '政府部门核发',
  form: 'electronic',
  notes: '通过投资项目在线审批监管平台共享，无需另交纸质件',
};

/** 不动产登记收费（住宅80元/件，非住宅550元/件）。 */
const registrationFee = {
  charged: true,
  standard: '住宅类每件80元，非住宅类每件550元；每增加一本证书加收工本费10元；小微企业、个体工商户按规定免收登记费',
  basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
};

export const constructionGuides: SeedGuide[] = [
  guide({
    dept: 'resources',
    baseCode: '000110001000',
    name: '建设项目用地预审与选址意见书核发',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国土地管理法》第五十二条',
      '《中华人民共和国城乡规划法》第三十六条',
      '《中华人民共和国土地管理法实施条例》第二十四条',
      '《建设项目用地预审管理办法》',
    ],
    conditions: [
      '建设项目符合国土空间规划和用途管制要求',
      '符合国家供地政策和土地使用标准',
      '以划拨方式提供国有土地使用权的项目须核发选址意见书',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '建设项目用地预审与选址申请表', applicationForm: true },
      { name: '建设项目用地预审与选址申请报告', notes: '说明拟建设项目基本情况、拟选址占地情况、拟用地是否符合国土空间规划等' },
      { name: '拟选址位置图和勘测定界图', source: '中介机构出具' },
      { name: '项目建议书或可行性研究报告批复等前期文件', required: false, source: '政府部门核发' },
      applicantId,
      entrustment,
    ],
    steps: ['通过投资项目在线审批监管平台提交申请', '窗口受理', '自然资源局审查并现场踏勘', '作出审查意见，核发选址意见书'],
    tripsRequired: 0,
    specialProcedures: [{ name: '现场踏勘', limitDays: 5 }],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['以出让方式拿地的项目还要选址意见书吗？', '不需要。选址意见书只针对以划拨方式提供国有土地使用权的项目；出让项目办理用地预审即可。'],
      ['哪些项目可以不做用地预审？', '在国土空间规划确定的城镇开发边界内使用已批准建设用地的项目，可不单独办理用地预审。'],
    ],
    lifeEvents: ['工程建设'],
    keywords: ['项目落地', '找地建厂', '规划选址', '项目用地手续', '看地'],
  }),
  guide({
    dept: 'resources',
    baseCode: '000110002000',
    name: '建设用地规划许可证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国城乡规划法》第三十七条、第三十八条', '《中华人民共和国土地管理法》第五十四条'],
    conditions: [
      '划拨用地：已取得建设项目用地预审与选址意见书和有关部门的批准、核准文件',
      '出让用地：已签订国有建设用地使用权出让合同，规划条件已纳入合同',
      '建设项目符合详细规划和规划条件',
    ],
    legalDays: 20,
    promisedDays: 5,
    fees: FREE,
    materials: [
      { name: '建设用地规划许可申请表', applicationForm: true },
      applicantId,
      { name: '国有建设用地使用权出让合同或划拨决定书', source: '政府部门核发' },
      projectApproval,
      { name: '宗地图（勘测定界图）', source: '中介机构出具' },
      entrustment,
    ],
    steps: ['网上或窗口提交申请', '受理审查', '核定用地位置、面积和允许建设的范围', '核发建设用地规划许可证'],
    tripsRequired: 0,
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['出让地能和土地合同一起拿证吗？', '可以。出让方式取得土地的项目，签订出让合同后可同步核发建设用地规划许可证。'],
    ],
    lifeEvents: ['工程建设'],
    keywords: ['用地规划证', '一书两证', '拿地手续', '规划红线', '土地规划'],
  }),
  guide({
    dept: 'resources',
    baseCode: '000110003000',
    name: '建设工程规划许可证核发',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国城乡规划法》第四十条',
      '《内蒙古自治区实施〈中华人民共和国城乡规划法〉办法》',
    ],
    conditions: [
      '已取得土地使用权证明和建设用地规划许可证',
      '建设工程设计方案符合控制性详细规划和规划条件',
      '建筑退让、间距、日照等满足相关技术规定',
    ],
    legalDays: 20,
    promisedDays: 7,
    fees: FREE,
    materials: [
      { name: '建设工程规划许可申请表', applicationForm: true },
      applicantId,
      { name: '使用土地的有关证明文件（不动产权证书等）', source: '政府部门核发' },
      { name: '建设工程设计方案（总平面图、单体建筑平立剖面图及效果图）', source: '中介机构出具', notes: '由具有相应资质的设计单位编制，附电子版' },
      { name: '日照分析报告', required: false, source: '中介机构出具', notes: '涉及住宅、学校、医院等日照敏感建筑时提交' },
      entrustment,
    ],
    steps: ['提交申请和设计方案', '审查设计方案', '设计方案批前公示', '审批并核发建设工程规划许可证', '批后公布'],
    tripsRequired: 1,
    specialProcedures: [
      { name: '批前公示', limitDays: 7 },
      { name: '专家评审', limitDays: 10 },
    ],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['规划许可证拿到后方案还能改吗？', '确需变更的，应向自然资源局申请变更；变更内容不符合规划条件的不予批准。'],
      ['公示期间有人反对怎么办？', '自然资源局会听取利害关系人意见，必要时组织听证，听证时间不计入办理时限。'],
    ],
    lifeEvents: ['工程建设'],
    keywords: ['工程规划证', '报规', '设计方案审批', '盖楼规划', '规划审批'],
  }),
  guide({
    dept: 'resources',
    baseCode: '000110004000',
    name: '乡村建设规划许可证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国城乡规划法》第四十一条', '《内蒙古自治区实施〈中华人民共和国城乡规划法〉办法》'],
    conditions: [
      '在乡、村庄规划区内进行乡镇企业、乡村公共设施、公益事业和农村村民住宅建设',
      '建设项目符合村庄规划或国土空间规划',
      '不得占用永久基本农田；确需占用农用地的，依法办理农用地转用审批',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '乡村建设规划许可申请表', applicationForm: true },
      applicantId,
      { name: '村民委员会（嘎查委员会）意见', source: '政府部门核发' },
      { name: '建设用地批准文件或农村宅基地批准书', source: '政府部门核发' },
      { name: '建设工程设计图或农房通用图集选用图', notes: '村民自建住宅可选用旗里免费提供的农房通用图' },
    ],
    steps: ['向苏木乡镇政府提出申请', '乡镇审核并报送自然资源局', '自然资源局现场踏勘、审查', '核发乡村建设规划许可证'],
    location: `${HALL_LOCATION}；各苏木乡镇便民服务大厅综合受理窗口`,
    tripsRequired: 1,
    specialProcedures: [{ name: '现场踏勘', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['村民在自家宅基地上盖房要办这个证吗？', '要办。农村村民住宅建设的乡村建设规划许可与宅基地审批合并办理，在乡镇便民服务大厅一次申请即可。'],
      ['村里建养殖棚圈要办吗？', '属于设施农业用地的按规定备案，不需要办理乡村建设规划许可证。'],
    ],
    lifeEvents: ['建房', '工程建设'],
    keywords: ['农村建房手续', '村里盖房规划', '乡村规划证', '农房规划', '村里建厂房'],
    handledAt: [hall, ...TOWNSHIPS.map((point) => ({ point, windows: ['T1'] }))],
  }),
  guide({
    dept: 'resources',
    baseCode: '000110005000',
    name: '临时用地审批',
    type: '行政许可',
    legalBasis: ['《中华人民共和国土地管理法》第五十七条', '《中华人民共和国土地管理法实施条例》第二十条'],
    conditions: [
      '因建设项目施工、地质勘查等需要临时使用土地',
      '临时用地期限一般不超过二年；建设周期较长的能源、交通、水利等项目不超过四年',
      '不得修建永久性建筑物，用后按复垦方案恢复原状',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '临时用地申请表', applicationForm: true },
      applicantId,
      { name: '临时使用土地合同', notes: '与土地所有权人或使用权人签订' },
      { name: '土地复垦方案报告表', source: '中介机构出具' },
      { name: '勘测定界图', source: '中介机构出具' },
    ],
    steps: ['提交申请', '受理审查', '现场踏勘', '作出批准决定并核发批复'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场踏勘', limitDays: 5 }],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['临时用地能盖彩钢房吗？', '只能修建临时性建（构）筑物，到期后要拆除并复垦。'],
    ],
    lifeEvents: ['工程建设'],
    keywords: ['临时占地', '施工场地', '堆料场', '搭工棚', '勘探用地', '临时征地'],
  }),
  guide({
    dept: 'housing',
    baseCode: '000111001000',
    name: '建筑工程施工许可证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国建筑法》第七条、第八条', '《建筑工程施工许可管理办法》'],
    conditions: [
      '工程投资额在30万元以上或建筑面积在300平方米以上（自治区调整限额的，从其规定）',
      '已办理用地批准手续，依法取得建设工程规划许可证',
      '已确定施工企业，施工图设计文件已按规定审查合格',
      '有保证工程质量和安全的具体措施，建设资金已经落实',
    ],
    legalDays: 7,
    promisedDays: 3,
    fees: FREE,
    materials: [
      { name: '建筑工程施工许可证申请表', applicationForm: true },
      { name: '建设工程规划许可证', source: '政府部门核发', form: 'electronic' },
      { name: '中标通知书或直接发包备案材料', source: '政府部门核发' },
      { name: '施工图设计文件审查合格书', source: '中介机构出具' },
      { name: '建设资金已经落实承诺书', notes: '使用告知承诺制' },
      { name: '施工合同及质量安全监督手续' },
      entrustment,
    ],
    steps: ['通过工程建设项目审批管理系统提交申请', '住建局受理审查', '作出许可决定', '核发施工许可证（电子证照）'],
    tripsRequired: 0,
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['小工程也要办施工许可证吗？', '工程投资额和建筑面积都在限额以下的工程可以不申请施工许可证。农民自建低层住宅不需要办理。'],
      ['拿证后多久必须开工？', '应自领取之日起三个月内开工；因故不能按期开工的，可以申请延期，延期以两次为限，每次不超过三个月。'],
    ],
    lifeEvents: ['工程建设'],
    keywords: ['开工证', '施工证', '动工手续', '盖楼手续', '开工审批', '报建'],
  }),
  guide({
    dept: 'housing',
    baseCode: '000111002000',
    name: '建设工程消防验收',
    type: '行政许可',
    legalBasis: ['《中华人民共和国消防法》第十三条', '《建设工程消防设计审查验收管理暂行规定》'],
    conditions: [
      '属于特殊建设工程（如大型商场、宾馆、学校、医院等人员密集场所）',
      '已完成工程竣工验收，消防设施检测合格',
      '建设、设计、施工、监理等单位已签署工程竣工验收报告',
    ],
    legalDays: 15,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '特殊建设工程消防验收申请表', applicationForm: true },
      { name: '工程竣工验收报告', source: '申请人自备' },
      { name: '涉及消防的建设工程竣工图纸', source: '中介机构出具' },
      { name: '消防设施检测报告', source: '中介机构出具', required: false },
      entrustment,
    ],
    steps: ['提交申请', '受理', '组织现场评定', '出具消防验收意见书'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场评定', limitDays: 5 }],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['普通小门店装修要做消防验收吗？', '不属于特殊建设工程的，实行竣工验收消防备案，不需要申请消防验收。'],
      ['消防验收不合格能开业吗？', '不能。特殊建设工程未经消防验收或者验收不合格的，禁止投入使用。'],
    ],
    lifeEvents: ['工程建设', '经营许可'],
    keywords: ['消防合格证明', '验消防', '商场开业消防', '开业消防检查', '消防竣工'],
  }),
  guide({
    dept: 'housing',
    baseCode: '090111003000',
    name: '建设工程竣工验收备案',
    type: '其他行政权力',
    legalBasis: ['《建设工程质量管理条例》第四十九条', '《房屋建筑和市政基础设施工程竣工验收备案管理办法》'],
    conditions: [
      '工程已按设计和合同要求完成并组织竣工验收合格',
      '自竣工验收合格之日起15日内申请备案',
      '规划、消防、人防等专项验收已完成',
    ],
    legalDays: 5,
    promisedDays: 1,
    fees: FREE,
    materials: [
      { name: '房屋建筑和市政基础设施工程竣工验收备案表', applicationForm: true, copies: 2 },
      { name: '工程竣工验收报告' },
      { name: '规划、消防等部门出具的认可文件或准许使用文件', source: '政府部门核发', form: 'electronic' },
      { name: '施工单位签署的工程质量保修书', notes: '住宅工程还需提交住宅质量保证书和住宅使用说明书' },
    ],
    steps: ['提交备案材料', '核验材料是否齐全', '在备案表上签署收讫', '出具竣工验收备案证明'],
    tripsRequired: 0,
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['小区交房前要备案吗？', '要。住宅工程竣工验收备案后才能交付业主，也是办理不动产首次登记的前置条件。'],
    ],
    lifeEvents: ['工程建设', '住房'],
    keywords: ['竣工备案', '完工备案', '交房手续', '工程完工'],
  }),
  guide({
    dept: 'housing',
    baseCode: '000111004000',
    name: '商品房预售许可',
    type: '行政许可',
    legalBasis: ['《中华人民共和国城市房地产管理法》第四十五条', '《城市商品房预售管理办法》第五条、第七条'],
    conditions: [
      '已交付全部土地使用权出让金，取得土地使用权证书',
      '持有建设工程规划许可证和施工许可证',
      '投入开发建设的资金达到工程建设总投资的25%以上，并已确定施工进度和竣工交付日期',
      '已开立商品房预售资金监管账户',
    ],
    legalDays: 10,
    promisedDays: 5,
    fees: FREE,
    materials: [
      { name: '商品房预售许可申请表', applicationForm: true },
      { name: '营业执照和房地产开发企业资质证书', source: '政府部门核发', form: 'electronic' },
      { name: '土地使用权证书、建设工程规划许可证、施工许可证', source: '政府部门核发', form: 'electronic' },
      { name: '工程施工合同及工程形象进度证明' },
      { name: '商品房预售方案及分层平面图' },
      { name: '预售资金监管协议' },
    ],
    steps: ['提交申请', '受理审查', '现场查勘工程形象进度', '作出许可决定', '核发商品房预售许可证并网上公示'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场查勘', limitDays: 3 }],
    audiences: ['legal_person'],
    online: true,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['买期房怎么知道开发商有没有预售证？', '可在准格尔旗住房和城乡建设局网站或售楼处公示栏查询预售许可证号和可售房源。'],
    ],
    lifeEvents: ['住房', '工程建设'],
    keywords: ['预售证', '卖楼花', '期房', '开盘手续', '楼盘销售手续'],
  }),
  guide({
    dept: 'housing',
    baseCode: '000111005000',
    name: '城镇污水排入排水管网许可',
    type: '行政许可',
    legalBasis: ['《城镇排水与污水处理条例》第二十一条', '《城镇污水排入排水管网许可管理办法》'],
    conditions: [
      '从事工业、建筑、餐饮、医疗、洗车等活动，向城镇排水设施排放污水',
      '排放口设置符合规定，按要求设置检测井',
      '排放的污水符合国家和地方排放标准，有相应预处理设施（如隔油池）',
    ],
    legalDays: 15,
    promisedDays: 5,
    fees: FREE,
    materials: [
      { name: '城镇污水排入排水管网许可申请表', applicationForm: true },
      applicantId,
      { name: '排水户内部排水管网、专用检测井、污水排放口位置和口径图纸', notes: '可手绘示意图' },
      { name: '排水水质检测报告', required: false, source: '中介机构出具', notes: '餐饮、洗车等小排水户可告知承诺' },
    ],
    steps: ['提交申请', '受理审查', '现场核查排水设施', '核发排水许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 3 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['开饭馆要办排水许可吗？', '餐饮等向市政管网排放污水的排水户需要办理，饭馆要设置隔油池；可以告知承诺当场发证。'],
    ],
    lifeEvents: ['经营许可', '工程建设'],
    keywords: ['排水证', '污水接管', '洗车店排水', '饭店排污', '隔油池', '接下水道'],
  }),
  guide({
    dept: 'housing',
    baseCode: '000111006000',
    name: '占用、挖掘城市道路审批',
    type: '行政许可',
    legalBasis: ['《城市道路管理条例》第二十九条、第三十条、第三十一条', '《中华人民共和国道路交通安全法》第三十二条'],
    conditions: [
      '因工程建设、管线敷设或其他特殊情况确需临时占用或挖掘城市道路',
      '有明确的施工方案、占挖期限和安全保障措施',
      '按规定承诺修复路面或缴纳修复费用',
    ],
    legalDays: 20,
    promisedDays: 3,
    fees: {
      charged: true,
      standard: '挖掘城市道路的，按修复工程量缴纳道路挖掘修复费；临时占用城市道路的不收费',
      basis: '《城市道路管理条例》第三十三条',
    },
    materials: [
      { name: '占用、挖掘城市道路申请表', applicationForm: true },
      applicantId,
      { name: '施工方案及占挖位置图' },
      { name: '交通组织方案', required: false, notes: '占用机动车道时提交，同时征求交警部门意见' },
    ],
    steps: ['提交申请', '住建局会同交警大队审查', '现场查看', '作出审批决定', '施工结束后验收恢复路面'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场查看', limitDays: 2 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['接自来水要挖人行道要审批吗？', '要。挖掘城市道路（含人行道）都需要审批，紧急抢修的可以先施工，24小时内补办手续。'],
    ],
    lifeEvents: ['工程建设'],
    keywords: ['挖马路', '路面开挖', '占道施工', '挖人行道', '搭脚手架占道', '挖路埋管'],
  }),
  guide({
    dept: 'environment',
    baseCode: '000112001000',
    name: '建设项目环境影响评价文件审批',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国环境影响评价法》第二十二条',
      '《建设项目环境保护管理条例》第九条',
      '《建设项目环境影响评价分类管理名录》',
    ],
    conditions: [
      '建设项目依法应当编制环境影响报告书或报告表，且属于本级审批权限',
      '符合生态环境分区管控要求和相关规划',
      '污染物排放符合国家和地方标准，采取的措施能满足区域环境质量改善目标',
    ],
    legalDays: 30,
    promisedDays: 15,
    fees: FREE,
    materials: [
      { name: '建设项目环境影响评价文件审批申请书', applicationForm: true },
      { name: '环境影响报告表（或报告书）', source: '中介机构出具', notes: '由具有相应能力的技术单位编制，附全本公开删除说明' },
      { name: '建设单位对环评文件真实性负责的承诺书' },
      { name: '公众参与说明', required: false, notes: '编制报告书的项目提交' },
      entrustment,
    ],
    steps: ['网上提交环评文件', '受理并公示', '组织技术评估或专家评审', '拟审批公示', '作出审批决定并公告'],
    tripsRequired: 0,
    specialProcedures: [
      { name: '专家评审', limitDays: 15 },
      { name: '受理及拟审批公示', limitDays: 10 },
    ],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['报告书和报告表审批时间一样吗？', '不一样。法定时限为报告表30日、报告书60日；本窗口承诺报告表15个工作日办结。'],
      ['只填登记表的项目怎么办？', '填报环境影响登记表的项目实行网上备案，不需要审批。'],
    ],
    lifeEvents: ['工程建设', '开办企业'],
    keywords: ['环评', '环评批复', '办环评', '环保手续', '环境影响报告表', '建厂环保审批'],
  }),
  guide({
    dept: 'water',
    baseCode: '000114001000',
    name: '生产建设项目水土保持方案审批',
    type: '行政许可',
    legalBasis: ['《中华人民共和国水土保持法》第二十五条、第二十六条', '《生产建设项目水土保持方案管理办法》'],
    conditions: [
      '在山区、丘陵区、风沙区及水土保持规划确定的易发区开办可能造成水土流失的生产建设项目',
      '征占地面积在5公顷以上或挖填土石方总量在5万立方米以上的编报水土保持方案报告书，以下的编报报告表',
      '属于本级审批权限',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '水土保持方案审批申请文件', applicationForm: true },
      { name: '水土保持方案报告书或报告表', source: '中介机构出具' },
      { name: '技术评审意见', required: false, source: '中介机构出具', notes: '报告书需技术评审；报告表实行承诺制的免于评审' },
    ],
    steps: ['网上提交申请', '受理', '技术评审', '作出审批决定'],
    tripsRequired: 0,
    specialProcedures: [{ name: '技术评审', limitDays: 15 }],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['煤矿排土场扩建要重新报水保方案吗？', '项目地点、规模发生重大变化，或排土（渣）场新设、扩建的，应当补充或修改水土保持方案报原审批机关批准。'],
    ],
    lifeEvents: ['工程建设'],
    keywords: ['水保方案', '水土流失', '排土场', '水保批复', '开矿水保'],
  }),
  guide({
    dept: 'development',
    baseCode: '090101001000',
    name: '企业投资项目备案',
    type: '其他行政权力',
    legalBasis: [
      '《企业投资项目核准和备案管理条例》第三条、第十三条',
      '《企业投资项目核准和备案管理办法》',
    ],
    conditions: [
      '企业在中国境内投资建设的固定资产投资项目，且不属于《政府核准的投资项目目录》范围',
      '项目符合国家产业政策，不属于禁止类项目',
      '企业对备案信息的真实性负责',
    ],
    legalDays: 0,
    promisedDays: 0,
    fees: FREE,
    materials: [
      { name: '项目备案信息表（在线填报）', form: 'electronic', applicationForm: true, notes: '含企业基本情况、项目名称、建设地点、建设规模和内容、总投资额' },
      { name: '企业营业执照', source: '政府部门核发', form: 'electronic', notes: '平台自动核验' },
      { name: '项目符合产业政策的声明', form: 'electronic' },
    ],
    steps: ['登录全国投资项目在线审批监管平台（内蒙古）填报备案信息', '系统校验并生成项目代码', '发改委在线告知备案', '下载打印备案证明'],
    tripsRequired: 0,
    audiences: ['legal_person'],
    online: true,
    express: false,
    scope: '全市通办',
    faqs: [
      ['备案要跑窗口吗？', '不用，全程网上办理，信息填完即时备案，自行下载备案证明。'],
      ['备案后项目有变化怎么办？', '项目法人、建设地点、规模、内容发生重大变化或放弃建设的，应当通过平台及时告知备案机关并修改信息。'],
    ],
    lifeEvents: ['工程建设', '开办企业'],
    keywords: ['项目立项', '立项', '备案证明', '项目代码', '发改备案', '投资备案'],
  }),
  guide({
    dept: 'registry',
    baseCode: '060110006000',
    name: '不动产转移登记（二手房过户）',
    type: '行政确认',
    legalBasis: [
      '《中华人民共和国民法典》第二百零九条、第二百一十四条',
      '《不动产登记暂行条例》第十四条、第二十条',
      '《不动产登记暂行条例实施细则》第三十八条',
    ],
    conditions: [
      '房屋已办理不动产权证书，无查封、未解除的抵押或其他限制',
      '买卖双方已签订存量房买卖合同并完成网签备案',
      '已依法缴纳契税、个人所得税等相关税费（税务窗口同步办理）',
      '买卖双方共同申请',
    ],
    legalDays: 30,
    promisedDays: 1,
    fees: registrationFee,
    materials: [
      { name: '不动产登记申请书', applicationForm: true },
      { name: '买卖双方身份证明（居民身份证、户口簿）', source: '政府部门核发' },
      { name: '不动产权证书或房屋所有权证、土地使用证', source: '政府部门核发' },
      { name: '存量房买卖合同（网签）', source: '申请人自备' },
      { name: '婚姻状况证明或书面声明', notes: '已婚的出卖方需配偶共同到场或出具同意出售的书面意见' },
      { name: '完税凭证', source: '政府部门核发', form: 'electronic', notes: '税务部门信息共享，“一窗受理”同步缴税' },
      entrustment,
    ],
    steps: [
      '买卖双方签订网签合同',
      '双方持材料到不动产登记“一窗受理”窗口申请，同步申报缴税',
      '登记机构审核、登簿',
      '缴纳登记费，领取新不动产权证书或电子证照（可选邮寄）',
    ],
    tripsRequired: 1,
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['买二手房过户要交哪些税？', '一般有契税（首套90平方米以下1%），满五唯一的住房免征个人所得税；具体以税务窗口核定为准。'],
      ['卖方在外地回不来能办吗？', '可以公证委托他人代办，或通过“不见面”远程视频签约办理。'],
      ['当天能拿到新证吗？', '材料齐全、税费缴清的，当日受理，1个工作日内领证，可选择邮寄到家。'],
    ],
    lifeEvents: ['住房'],
    keywords: ['卖房子', '房本更名', '买房办证', '房产证改名', '房屋买卖', '房产交易'],
  }),
  guide({
    dept: 'registry',
    baseCode: '060110007000',
    name: '不动产抵押登记',
    type: '行政确认',
    legalBasis: ['《中华人民共和国民法典》第三百九十五条、第四百零二条', '《不动产登记暂行条例》第五条、第十四条'],
    conditions: ['抵押财产已办理不动产首次登记或为预购商品房', '抵押合同已签订', '抵押人和抵押权人共同申请'],
    legalDays: 30,
    promisedDays: 1,
    fees: registrationFee,
    materials: [
      { name: '不动产登记申请书', applicationForm: true },
      { name: '抵押人、抵押权人身份证明', source: '政府部门核发' },
      { name: '不动产权证书', source: '政府部门核发' },
      { name: '主债权合同和抵押合同', source: '申请人自备' },
      entrustment,
    ],
    steps: ['签订借款和抵押合同', '银行网点或窗口提交申请', '审核登簿', '向抵押权人发放不动产登记证明（电子证明）'],
    tripsRequired: 0,
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['贷款还完了怎么解押？', '结清贷款后由银行出具结清证明，双方申请抵押权注销登记，即时办结，不收费。'],
    ],
    lifeEvents: ['住房'],
    keywords: ['房子抵押', '押房本贷款', '银行抵押', '按揭', '房贷', '解押'],
  }),
  guide({
    dept: 'registry',
    baseCode: '200110008000',
    name: '不动产登记资料查询',
    type: '公共服务',
    legalBasis: ['《不动产登记暂行条例》第二十七条', '《不动产登记资料查询暂行办法》'],
    conditions: [
      '权利人、利害关系人可依法查询、复制不动产登记资料',
      '查询目的正当，不得将查询结果用于其他目的',
    ],
    legalDays: 0,
    promisedDays: 0,
    fees: FREE,
    materials: [
      { name: '不动产登记资料查询申请书', applicationForm: true },
      { name: '查询人身份证明', source: '政府部门核发' },
      { name: '利害关系证明材料', required: false, notes: '利害关系人查询时提供' },
      entrustment,
    ],
    steps: ['网上或窗口提交查询申请', '核验查询人身份和查询权限', '当场出具查询结果', '可自助打印或下载电子查询证明'],
    location: `${HALL_LOCATION}；各苏木乡镇便民服务大厅综合受理窗口；政务服务中心自助查询机`,
    tripsRequired: 0,
    audiences: ['individual', 'legal_person'],
    online: true,
    express: false,
    scope: '全市通办',
    faqs: [
      ['孩子上学要开无房证明去哪开？', '可以在“蒙速办”或政务服务中心自助机上查询打印本人名下不动产登记结果，需要盖章的到窗口即时办理。'],
    ],
    lifeEvents: ['住房', '上学'],
    keywords: ['查房产', '查名下房子', '无房证明', '房产信息证明', '查档', '有房证明'],
    handledAt: [hall, ...TOWNSHIPS.map((point) => ({ point, windows: ['T1'] }))],
  }),
  guide({
    dept: 'township',
    baseCode: '000115001000',
    name: '农村宅基地审批',
    type: '行政许可',
    entrustedDepartment: '',
    legalBasis: [
      '《中华人民共和国土地管理法》第六十二条',
      '《中华人民共和国土地管理法实施条例》第三十四条',
      '《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）',
      '《中华人民共和国城乡规划法》第四十一条',
    ],
    conditions: [
      '申请人为本集体经济组织成员，以户为单位申请，一户只能拥有一处宅基地',
      '符合国土空间规划、村庄规划，尽量使用原有宅基地和村内空闲地',
      '宅基地面积不超过自治区规定标准',
      '出卖、出租、赠与住宅后再申请宅基地的不予批准',
    ],
    legalDays: 20,
    promisedDays: 15,
    fees: FREE,
    materials: [
      { name: '农村宅基地和建房（规划许可）申请表', applicationForm: true },
      { name: '户口簿和家庭成员居民身份证', source: '政府部门核发' },
      { name: '农村宅基地使用承诺书', notes: '承诺一户一宅、建新拆旧' },
      { name: '嘎查村民小组会议讨论意见及公示情况', source: '政府部门核发', notes: '由嘎查（村）委员会出具' },
      { name: '住房建设设计图或农房通用图', required: false, notes: '可选用免费农房通用图集' },
    ],
    steps: [
      '户主向嘎查村民小组提出书面申请',
      '村民小组会议讨论并公示，嘎查（村）委员会审查后报乡镇',
      '乡镇组织农牧、自然资源等部门联审并实地查看',
      '乡镇人民政府审批，核发农村宅基地批准书和乡村建设规划许可证',
      '开工前到现场丈量批放，竣工后验收',
    ],
    location: `各苏木乡镇便民服务大厅综合受理窗口；嘎查村便民代办点可代为受理转报；咨询：${HALL_LOCATION}`,
    tripsRequired: 1,
    specialProcedures: [
      { name: '村级公示', limitDays: 5 },
      { name: '实地审查（现场踏勘）', limitDays: 5 },
    ],
    audiences: ['individual'],
    level: '乡级',
    online: true,
    express: false,
    scope: '本苏木乡镇',
    faqs: [
      ['儿子结婚分户了能再批一块宅基地吗？', '分户后符合一户一宅条件、且村庄规划有可用地的，可以以新户名义申请。'],
      ['在城里买了楼房还能批宅基地吗？', '政策不允许城镇户籍居民到农村申请宅基地；本集体成员已有住宅的，一般不再批准新的宅基地。'],
      ['老房子拆了原地翻建要审批吗？', '原址翻建也需要申请，审批通过后按批准的面积和位置施工。'],
    ],
    lifeEvents: ['建房', '住房'],
    keywords: ['批宅基地', '盖房子', '农村建房', '批地基', '村里盖房', '翻建老房', '庄基地'],
    handledAt: [
      hall,
      ...TOWNSHIPS.map((point) => ({ point, windows: ['T1'] })),
      ...VILLAGES.map((point) => ({ point, windows: ['V1'] })),
    ],
  }),
];

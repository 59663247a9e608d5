/**
 * 市场准入综合窗口: business registration and operating licences.
 */
import type { SeedGuide } from './index';

const WINDOW = 'market_access';
const HALL_LOCATION = '准格尔旗政务服务中心一楼市场准入综合窗口';
const HOURS = '工作日 09:00-12:00, 14:30-17:30（法定节假日休息，周六上午可预约延时服务）';
const COMPLAINT_PHONE = '0477-4220012';
const FREE = { charged: false, standard: '不收费', basis: '本事项不收取任何费用' };
const TOWNSHIPS = ['xuejiawan', 'shagedu', 'dalu', 'narisong', 'longkou', 'zhungeerzhao', 'shierliancheng'];

/** Implementing departments: illustrative unified social credit codes and inquiry phones. */
const DEPARTMENTS = {
  market: { name: '准格尔旗市场监督管理局', credit: '11150622MB1A52861R', phone: '0477-4232316' },
  tobacco: { name: '准格尔旗烟草专卖局', credit: '11150622MB0Y41270C', phone: '0477-4213760' },
  health: { name: '准格尔旗卫生健康委员会', credit: '11150622MB1A67034P', phone: '0477-4218805' },
  transport: { name: '准格尔旗交通运输局', credit: '11150622MB1A39425G', phone: '0477-4226512' },
  police: { name: '准格尔旗公安局', credit: '11150622MB0K18803U', phone: '0477-4229305' },
  culture: { name: '准格尔旗文化和旅游局', credit: '11150622MB1A74519D', phone: '0477-4237018' },
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
    level: '县级',
    bookable: i.bookable ?? true,
    online: i.online,
    express: i.express,
    scope: i.scope,
    faqs: i.faqs.map(([question, answer]) => ({ question, answer })),
    lifeEvents: i.lifeEvents,
    keywords: i.keywords,
    handledAt: i.handledAt ?? [{ point: 'banner-hall', windows: ['market'] }],
  };
}

const hallAndTownships = [
  { point: 'banner-hall', windows: ['market'] },
  ...TOWNSHIPS.map((point) => ({ point, windows: ['T1'] })),
];

const idCard = (who = '经营者', notes?: string): MaterialInput => ({
  name: `${who}居民身份证`,
  form: 'both',
  source: '政府部门核发',
  notes: notes ?? '现场核验原件；网上办理可通过电子证照调取或人脸识别核验，无需提交复印件',
});

const entrustment: MaterialInput = {
  name: '授权委托书及被委托人身份证件',
  required: false,
  form: 'paper',
  source: '申请人自备',
  notes: '委托他人代办时提供',
};

const premises: MaterialInput = {
  name: '经营场所使用证明（不动产权证书或租赁合同）',
  source: '申请人自备',
  notes: '无产权证明的，可提供嘎查村委会或社区出具的场所证明',
};

const businessLicence: MaterialInput = {
  name: '营业执照或其他主体资格证明',
  source: '政府部门核发',
  form: 'electronic',
  notes: '窗口通过电子营业执照共享调取，无需提交纸质复印件',
};

export const marketAccessGuides: SeedGuide[] = [
  guide({
    dept: 'market',
    baseCode: '000117001000',
    name: '个体工商户登记',
    type: '行政许可',
    legalBasis: [
      '《市场主体登记管理条例》第三条、第十九条',
      '《市场主体登记管理条例实施细则》',
      '《促进个体工商户发展条例》',
    ],
    conditions: [
      '申请人为有经营能力的自然人，或以家庭成员共同出资经营',
      '有固定的经营场所，且场所可依法用于经营',
      '个体工商户名称（可不起字号）符合名称登记管理规定',
      '经营范围不属于法律法规禁止个体经营的项目；涉及许可的，取得执照后另行办理许可',
    ],
    legalDays: 3,
    promisedDays: 0,
    fees: { charged: false, standard: '不收费', basis: '国家已停征个体工商户注册登记费' },
    materials: [
      { name: '个体工商户登记（备案）申请书', form: 'both', source: '申请人自备', applicationForm: true, notes: '可在内蒙古政务服务网或“蒙速办”在线填写，经营者签字' },
      idCard('经营者'),
      premises,
      { name: '家庭成员关系证明（户口簿等）', required: false, form: 'paper', source: '政府部门核发', notes: '以家庭形式经营的提供' },
      entrustment,
    ],
    steps: [
      '通过“蒙速办”、内蒙古政务服务网或窗口提交申请',
      '窗口人员对材料进行形式审查',
      '材料齐全、符合法定形式的当场予以登记',
      '领取纸质营业执照（可选免费邮寄），同步发放电子营业执照',
    ],
    location: `${HALL_LOCATION}；各苏木乡镇便民服务大厅综合受理窗口`,
    tripsRequired: 0,
    audiences: ['individual'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['个体户必须起名字吗？', '不强制。个体工商户可以不使用名称，执照上名称栏显示为“*”，以后需要时再办理名称变更。'],
      ['租的门面房没有房产证能办吗？', '可以提交租赁合同，并由嘎查村委会或社区出具场所证明；实行住所申报承诺的，签署承诺书即可。'],
      ['办完执照还要办别的吗？', '卖食品、开饭店还需办理食品经营许可或备案，卖烟需办理烟草专卖零售许可证；可在同一窗口一并申请。'],
    ],
    lifeEvents: ['开办企业', '经营许可', '就业'],
    keywords: ['办执照', '营业执照', '开个小店', '个体户执照', '小卖部', '摆摊', '开门市', '做买卖'],
    handledAt: hallAndTownships,
  }),
  guide({
    dept: 'market',
    baseCode: '000117002000',
    name: '个体工商户变更登记',
    type: '行政许可',
    legalBasis: ['《市场主体登记管理条例》第二十四条', '《市场主体登记管理条例实施细则》', '《促进个体工商户发展条例》第十一条'],
    conditions: [
      '已依法登记的个体工商户，登记事项发生变化',
      '自作出变更决定或变更事实发生之日起30日内申请',
      '变更经营者的，原经营者与新经营者共同申请',
    ],
    legalDays: 3,
    promisedDays: 0,
    fees: FREE,
    materials: [
      { name: '个体工商户变更登记（备案）申请书', applicationForm: true },
      idCard('经营者'),
      { name: '与变更事项相关的证明文件（如新经营场所使用证明）', required: false, notes: '变更经营场所时提交' },
      { name: '营业执照正、副本原件', form: 'paper', source: '政府部门核发', notes: '换发新执照时交回' },
      entrustment,
    ],
    steps: ['线上或窗口提交变更申请', '窗口审查材料', '当场办理变更', '换发营业执照'],
    location: `${HALL_LOCATION}；各苏木乡镇便民服务大厅综合受理窗口`,
    tripsRequired: 0,
    audiences: ['individual'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['店铺转给别人，能直接改经营者吗？', '可以。按《促进个体工商户发展条例》，原经营者和新经营者共同申请即可直接变更经营者，不必先注销再新办。'],
      ['搬了新门面要重新办执照吗？', '不用重新办，办理经营场所变更登记即可，在旗内搬迁当场办结。'],
    ],
    lifeEvents: ['开办企业', '经营许可'],
    keywords: ['执照改地址', '换经营者', '门面搬家', '改经营范围', '执照改名字', '店铺转让'],
    handledAt: hallAndTownships,
  }),
  guide({
    dept: 'market',
    baseCode: '000117003000',
    name: '企业设立登记',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国公司法》第二十九条',
      '《市场主体登记管理条例》第三条、第十九条',
      '《市场主体登记管理条例实施细则》',
    ],
    conditions: [
      '企业名称经自主申报，符合《企业名称登记管理规定》',
      '有符合规定的住所（经营场所）',
      '有符合公司章程规定的股东、出资及组织机构',
      '法定代表人、董事、监事等不存在法律法规规定的不得担任情形',
    ],
    legalDays: 3,
    promisedDays: 1,
    fees: { charged: false, standard: '不收费；首套印章由旗财政免费刻制', basis: '国家已停征企业注册登记费；开办企业首套印章免费政策' },
    materials: [
      { name: '公司登记（备案）申请书', applicationForm: true, notes: '由法定代表人签署' },
      { name: '公司章程', copies: 1, notes: '全体股东签署；可使用登记机关提供的章程范本' },
      { name: '股东的主体资格证明或自然人身份证件', source: '申请人自备' },
      { name: '法定代表人、董事、监事和经理的任职文件及身份证件', source: '申请人自备' },
      premises,
      entrustment,
    ],
    steps: [
      '在内蒙古企业登记全程电子化平台自主申报名称并填报设立信息',
      '全体股东及法定代表人实名认证、电子签名',
      '登记机关审核',
      '一次性办结营业执照、公章刻制、税务登记和社保登记',
      '领取营业执照及印章，或选择免费邮寄',
    ],
    tripsRequired: 0,
    audiences: ['legal_person', 'individual'],
    online: true,
    express: true,
    scope: '全市通办',
    faqs: [
      ['注册公司要先交注册资本吗？', '不用在登记时实缴。按2024年起施行的新《公司法》，有限责任公司股东认缴的出资应自公司成立之日起五年内缴足。'],
      ['一个人能开公司吗？', '可以，一个自然人可以设立一人有限责任公司。'],
      ['多长时间能拿到执照？', '材料齐全的1个工作日内办结，公章、发票申领同步办理。'],
    ],
    lifeEvents: ['开办企业'],
    keywords: ['开公司', '注册公司', '成立公司', '公司执照', '办营业执照', '注册资本', '开办企业一件事'],
  }),
  guide({
    dept: 'market',
    baseCode: '000117004000',
    name: '企业变更登记',
    type: '行政许可',
    legalBasis: ['《中华人民共和国公司法》第三十四条', '《市场主体登记管理条例》第二十四条、第二十七条'],
    conditions: [
      '企业登记事项（名称、住所、法定代表人、注册资本、经营范围、股东等）发生变更',
      '自作出变更决议、决定或法定变更事项发生之日起30日内申请',
      '变更事项依法须经批准的，已取得批准文件',
    ],
    legalDays: 3,
    promisedDays: 1,
    fees: FREE,
    materials: [
      { name: '公司变更登记（备案）申请书', applicationForm: true },
      { name: '股东会决议或股东决定', notes: '依照公司章程作出' },
      { name: '修改后的公司章程或章程修正案', required: false },
      { name: '与变更事项相关的证明文件', notes: '如新住所使用证明、股权转让协议、新任法定代表人身份证件' },
      entrustment,
    ],
    steps: ['线上填报变更信息', '相关人员实名认证并电子签名', '登记机关审核', '换发营业执照（可邮寄）'],
    tripsRequired: 0,
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全市通办',
    faqs: [
      ['换法人需要原法人到场吗？', '不需要到场。原法定代表人无法签字的，可由公司盖章并提交股东会任免决议办理。'],
      ['公司搬到鄂尔多斯其他旗区怎么办？', '迁出地和迁入地登记机关网上协同办理，无需到迁出地办理迁移手续。'],
    ],
    lifeEvents: ['开办企业'],
    keywords: ['换法人', '公司改名', '公司迁址', '增资', '股权转让', '改经营范围', '营业执照变更'],
  }),
  guide({
    dept: 'market',
    baseCode: '000117005000',
    name: '企业注销登记',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国公司法》第二百三十九条、第二百四十条',
      '《市场主体登记管理条例》第三十一条、第三十三条',
      '《市场监管总局等部门关于进一步完善简易注销登记便利经营主体退出的意见》',
    ],
    conditions: [
      '企业解散且已依法完成清算',
      '适用简易注销的：未发生债权债务或已将债权债务清偿完结，全体投资人书面承诺',
      '无未结清的税款、社保费及未办结的行政处罚',
    ],
    legalDays: 3,
    promisedDays: 1,
    fees: FREE,
    materials: [
      { name: '企业注销登记申请书', applicationForm: true },
      { name: '清算报告或全体投资人承诺书', notes: '一般注销提交经确认的清算报告；简易注销提交全体投资人承诺书' },
      { name: '依法作出解散的决议或决定', required: false, notes: '一般注销提交' },
      { name: '清税证明', required: false, source: '政府部门核发', form: 'electronic', notes: '税务部门信息共享，无需提交纸质件' },
      { name: '营业执照正、副本原件', form: 'paper', source: '政府部门核发' },
    ],
    steps: [
      '通过“企业注销网上服务专区”选择简易注销或一般注销',
      '简易注销公示20日或一般注销清算组公告45日',
      '公示期满后提交注销申请',
      '登记机关审核办结并收缴营业执照',
    ],
    tripsRequired: 0,
    specialProcedures: [
      { name: '简易注销公示', limitDays: 20 },
      { name: '一般注销债权人公告', limitDays: 45 },
    ],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全市通办',
    faqs: [
      ['公司不干了，最快怎么注销？', '没有债务也没有欠税的，选简易注销：网上公示20天，期满没人提异议就可以申请，1个工作日办结。'],
      ['注销要先去税务局吗？', '不用单独跑。注销专区一网申报，税务、社保、海关等部门同步办理。'],
    ],
    lifeEvents: ['企业注销'],
    keywords: ['关公司', '公司不干了', '公司关门', '简易注销', '销户执照', '撤销公司'],
  }),
  guide({
    dept: 'market',
    baseCode: '000117006000',
    name: '农民专业合作社设立登记',
    type: '行政许可',
    legalBasis: ['《中华人民共和国农民专业合作社法》第十二条、第十六条', '《市场主体登记管理条例》', '《农民专业合作社登记管理规定》'],
    conditions: [
      '有五名以上符合规定的成员，农民至少占成员总数的百分之八十',
      '有符合规定的章程和组织机构',
      '有符合法律、行政法规规定的名称和章程确定的住所',
      '有符合章程规定的成员出资',
    ],
    legalDays: 3,
    promisedDays: 1,
    fees: FREE,
    materials: [
      { name: '农民专业合作社登记（备案）申请书', applicationForm: true },
      { name: '全体设立人签名、盖章的设立大会纪要', copies: 1 },
      { name: '全体设立人签名、盖章的章程' },
      { name: '成员名册及成员身份证明', notes: '农民成员提供户口簿或居民身份证' },
      { name: '成员出资清单' },
      { name: '住所使用证明' },
      { name: '法定代表人任职文件和身份证件' },
    ],
    steps: ['召开设立大会，通过章程、选举理事长', '线上或窗口提交登记材料', '登记机关审核', '发放营业执照'],
    tripsRequired: 1,
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['几个人可以成立合作社？', '至少五名成员，其中农民成员不少于80%；成员总数二十人以下的，可以有一个企业、事业单位或社会组织成员。'],
      ['合作社能享受哪些扶持？', '可申报农牧业项目和补贴，详情咨询准格尔旗农牧局。'],
    ],
    lifeEvents: ['开办企业', '农牧业生产'],
    keywords: ['办合作社', '成立合作社', '养殖合作社', '种植合作社', '几户一起搞养殖'],
    handledAt: hallAndTownships,
  }),
  guide({
    dept: 'market',
    baseCode: '000117007000',
    name: '食品经营许可',
    type: '行政许可',
    legalBasis: ['《中华人民共和国食品安全法》第三十五条', '《中华人民共和国食品安全法实施条例》', '《食品经营许可和备案管理办法》'],
    conditions: [
      '已取得营业执照或其他主体资格证明',
      '具有与经营的食品品种、数量相适应的经营场所，与有毒、有害场所保持规定距离',
      '具有相应的设备设施和布局流程，配备食品安全管理人员',
      '具有保证食品安全的规章制度',
    ],
    legalDays: 10,
    promisedDays: 3,
    fees: FREE,
    materials: [
      { name: '食品经营许可申请书', applicationForm: true },
      businessLicence,
      idCard('法定代表人（负责人）'),
      { name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', notes: '含经营场所平面布局图' },
      { name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度' },
      { name: '从业人员健康证明', required: false, source: '医疗机构出具', notes: '在岗前取得，现场核查时查验' },
      entrustment,
    ],
    steps: [
      '取得营业执照后，网上或窗口提交许可申请',
      '窗口受理，审查申请材料',
      '辖区市场监管所现场核查经营场所',
      '作出许可决定，发放食品经营许可证（可邮寄或下载电子证）',
    ],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['开小饭馆先办执照还是先办食品证？', '先办营业执照，再办食品经营许可；也可以在窗口一次提交，两证联办。'],
      ['只卖包装好的饮料零食也要办许可证吗？', '不用。仅销售预包装食品的办理备案即可，当场办结。'],
      ['食品经营许可证有效期多久？', '5年。到期需要继续经营的，应在有效期届满前90个工作日至15个工作日期间申请延续。'],
    ],
    lifeEvents: ['开办企业', '经营许可'],
    keywords: ['开饭店', '餐馆', '小吃店', '卖熟食', '饭馆执照', '食品证', '奶茶店', '烧烤店'],
  }),
  guide({
    dept: 'market',
    baseCode: '090117008000',
    name: '仅销售预包装食品备案',
    type: '其他行政权力',
    legalBasis: ['《中华人民共和国食品安全法》第三十五条', '《食品经营许可和备案管理办法》'],
    conditions: ['已取得营业执照', '仅销售预包装食品（含冷藏冷冻预包装食品），不从事散装食品和现场制售'],
    legalDays: 0,
    promisedDays: 0,
    fees: FREE,
    materials: [
      { name: '仅销售预包装食品备案信息采集表', applicationForm: true },
      businessLicence,
      idCard('经营者'),
    ],
    steps: ['网上或窗口填写备案信息', '窗口核对', '当场完成备案', '获得备案编号，在经营场所公示'],
    location: `${HALL_LOCATION}；各苏木乡镇便民服务大厅综合受理窗口`,
    tripsRequired: 0,
    audiences: ['individual', 'legal_person'],
    online: true,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['超市里卖散装的瓜子糖果算预包装吗？', '不算。销售散装食品需要办理食品经营许可，不能只做备案。'],
    ],
    lifeEvents: ['开办企业', '经营许可'],
    keywords: ['开超市', '便利店', '卖零食饮料', '小卖部卖食品', '卖烟酒副食', '食杂店'],
    handledAt: hallAndTownships,
  }),
  guide({
    dept: 'market',
    baseCode: '000117009000',
    name: '食品小作坊登记',
    type: '行政许可',
    legalBasis: ['《中华人民共和国食品安全法》第三十六条', '《内蒙古自治区食品生产加工小作坊和食品摊贩管理条例》'],
    conditions: [
      '有固定的生产加工场所，生产区与生活区分开',
      '有与生产加工食品品种相适应的设备设施',
      '从业人员持有有效健康证明',
      '生产加工的食品不属于小作坊禁止生产的品种目录',
    ],
    legalDays: 15,
    promisedDays: 5,
    fees: FREE,
    materials: [
      { name: '食品生产加工小作坊登记申请表', applicationForm: true },
      businessLicence,
      idCard('经营者'),
      { name: '生产加工场所平面图和工艺流程说明' },
      { name: '从业人员健康证明', source: '医疗机构出具' },
    ],
    steps: ['提交登记申请', '窗口受理', '辖区市场监管所现场核查', '发放小作坊登记证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 5 }],
    audiences: ['individual'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['在家里做奶豆腐卖需要办什么？', '在固定场所加工后出售的，办理营业执照后申请食品小作坊登记；生产区要和生活区分开。'],
      ['小作坊能做罐头、婴幼儿食品吗？', '不能。罐头、乳制品中的婴幼儿配方食品等列入禁止目录，小作坊不得生产。'],
    ],
    lifeEvents: ['开办企业', '经营许可'],
    keywords: ['家庭作坊', '磨豆腐', '做奶豆腐', '炸油糕', '手工粉条', '做酿皮', '酿酒'],
  }),
  guide({
    dept: 'tobacco',
    baseCode: '000148001000',
    name: '烟草专卖零售许可证核发',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国烟草专卖法》第十六条',
      '《中华人民共和国烟草专卖法实施条例》',
      '《烟草专卖许可证管理办法》',
    ],
    conditions: [
      '有与经营烟草制品零售业务相适应的资金',
      '有固定的经营场所，经营场所不在中小学校、幼儿园周边禁止区域内',
      '符合准格尔旗烟草制品零售点合理布局规划',
      '申请人为完全民事行为能力人，且未被列入烟草专卖违法失信名单',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '烟草专卖零售许可证申请表', applicationForm: true },
      businessLicence,
      idCard('经营者'),
      premises,
    ],
    steps: ['网上或窗口提交申请', '烟草专卖局受理', '专卖管理人员实地核查布局和场所', '作出许可决定', '领取烟草专卖零售许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '实地核查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['小卖部离学校很近能卖烟吗？', '不能。中小学校、幼儿园周边规定距离内不予核发零售许可证。'],
      ['许可证有效期多长？', '一般为5年，期满前30日内申请延续。'],
    ],
    lifeEvents: ['经营许可'],
    keywords: ['卖烟', '烟草证', '办烟证', '超市卖香烟', '零售香烟', '卷烟'],
  }),
  guide({
    dept: 'market',
    baseCode: '000117010000',
    name: '药品零售企业经营许可',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国药品管理法》第五十一条、第五十二条',
      '《中华人民共和国药品管理法实施条例》',
      '《药品经营和使用质量监督管理办法》',
    ],
    conditions: [
      '有依法经过资格认定的药师或其他药学技术人员（执业药师）',
      '有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境',
      '有与所经营药品相适应的质量管理机构或人员',
      '有保证药品质量的规章制度，符合药品经营质量管理规范要求',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '药品经营许可证申请表', applicationForm: true },
      businessLicence,
      { name: '执业药师注册证及质量负责人、企业负责人身份证明', source: '政府部门核发' },
      { name: '经营场所、仓库平面布置图及产权或使用证明' },
      { name: '质量管理制度文件目录及计算机管理系统说明' },
      entrustment,
    ],
    steps: ['提交申请', '材料审查', '按药品经营质量管理规范现场检查', '作出许可决定', '发放药品经营许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场检查', limitDays: 10 }],
    audiences: ['legal_person', 'individual'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['开药店必须有执业药师吗？', '是的。经营处方药、甲类非处方药的药品零售企业应当按规定配备执业药师。'],
      ['药品经营许可证有效期几年？', '5年，期满前6个月至2个月申请重新审查发证。'],
    ],
    lifeEvents: ['开办企业', '经营许可'],
    keywords: ['开药店', '开药房', '卖药', '大药房', '连锁药店', '药店许可证'],
  }),
  guide({
    dept: 'health',
    baseCode: '000121001000',
    name: '公共场所卫生许可',
    type: '行政许可',
    entrustedDepartment: '准格尔旗卫生健康综合行政执法大队',
    legalBasis: ['《公共场所卫生管理条例》第八条', '《公共场所卫生管理条例实施细则》第二十二条'],
    conditions: [
      '属于需要办理卫生许可的公共场所（宾馆、旅店、美容美发、沐浴、游泳场馆等）',
      '经营场所布局、设施设备符合卫生标准和规范',
      '有卫生管理制度和专（兼）职卫生管理人员',
      '从业人员取得有效健康合格证明',
    ],
    legalDays: 20,
    promisedDays: 5,
    fees: FREE,
    materials: [
      { name: '公共场所卫生许可申请表', applicationForm: true },
      businessLicence,
      idCard('法定代表人（负责人）'),
      { name: '公共场所地址方位示意图、平面图和卫生设施平面布局图' },
      { name: '公共场所卫生检测或评价报告', required: false, source: '中介机构出具', notes: '可告知承诺后补交' },
      { name: '卫生管理制度和从业人员健康合格证明' },
    ],
    steps: ['提交申请', '受理审查', '卫生监督员现场审查', '作出许可决定', '发放公共场所卫生许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场审查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['开饭店还要办卫生许可证吗？', '不用。饭馆、咖啡馆、酒吧、茶座的公共场所卫生许可已经取消，只需办理食品经营许可。'],
      ['理发店要办吗？', '理发店、美容店需要办理，可实行告知承诺，当场领证。'],
    ],
    lifeEvents: ['经营许可'],
    keywords: ['开理发店', '美容院', '洗浴', '澡堂', '足疗店', '宾馆卫生证', '游泳馆'],
  }),
  guide({
    dept: 'transport',
    baseCode: '000113001000',
    name: '道路货物运输经营许可',
    type: '行政许可',
    legalBasis: ['《中华人民共和国道路运输条例》第二十一条、第二十四条', '《道路货物运输及站场管理规定》'],
    conditions: [
      '有与其经营业务相适应并经检测合格的车辆（总质量4.5吨及以下普通货运车辆无需办理）',
      '有取得相应从业资格证的驾驶人员',
      '有健全的安全生产管理制度',
    ],
    legalDays: 20,
    promisedDays: 5,
    fees: FREE,
    materials: [
      { name: '道路货物运输经营申请表', applicationForm: true },
      idCard('负责人'),
      { name: '机动车行驶证、车辆技术等级评定或综合性能检测报告', notes: '已购置车辆的提交；也可先取得许可后配车' },
      { name: '驾驶员的机动车驾驶证和从业资格证', source: '政府部门核发' },
      { name: '安全生产管理制度文本' },
      entrustment,
    ],
    steps: ['提交申请', '交通运输局受理审查', '作出许可决定', '核发道路运输经营许可证', '为车辆配发道路运输证'],
    tripsRequired: 1,
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['自己的轻卡拉货要办吗？', '总质量4.5吨及以下的普通货运车辆从事经营，不需要办理道路运输经营许可和道路运输证。'],
      ['拉煤的重卡挂靠公司，还要自己办吗？', '挂靠在已取得许可的运输企业名下的，由企业为车辆办理道路运输证，个人不用另办经营许可。'],
    ],
    lifeEvents: ['经营许可', '出行驾驶'],
    keywords: ['跑运输', '拉货', '货车营运证', '道路运输证', '拉煤', '大车', '跑物流'],
  }),
  guide({
    dept: 'market',
    baseCode: '000117011000',
    name: '特种设备使用登记',
    type: '行政许可',
    legalBasis: ['《中华人民共和国特种设备安全法》第三十三条', '《特种设备使用管理规则》（TSG 08）'],
    conditions: [
      '特种设备已安装完毕并经监督检验合格（需监督检验的）',
      '在投入使用前或投入使用后30日内申请',
      '使用单位配备相应的安全管理人员和作业人员',
    ],
    legalDays: 15,
    promisedDays: 5,
    fees: FREE,
    materials: [
      { name: '特种设备使用登记表', applicationForm: true, copies: 2 },
      businessLicence,
      { name: '产品合格证（含产品数据表）', source: '申请人自备' },
      { name: '监督检验证明或定期检验报告', source: '中介机构出具', notes: '由特种设备检验机构出具' },
      { name: '安装、改造、修理告知单', required: false },
    ],
    steps: ['网上提交登记申请', '窗口审核材料', '核发特种设备使用登记证', '将使用登记标志置于设备显著位置'],
    tripsRequired: 0,
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['叉车需要办使用登记吗？', '需要。场（厂）内专用机动车辆属于特种设备，使用前应办理使用登记并取得牌照。'],
      ['电梯是物业还是开发商去办？', '由电梯的使用单位办理，一般为物业服务企业；交付前由开发建设单位办理。'],
    ],
    lifeEvents: ['工程建设', '经营许可'],
    keywords: ['电梯登记', '锅炉', '叉车上牌', '压力容器', '起重机', '电梯使用证'],
  }),
  guide({
    dept: 'police',
    baseCode: '000104001000',
    name: '旅馆业特种行业许可证核发',
    type: '行政许可',
    legalBasis: ['《旅馆业治安管理办法》第四条', '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）'],
    conditions: [
      '房屋建筑、消防设施、出入口和通道等符合治安、消防管理规定',
      '设置旅客财物保管设施，安装旅馆业治安管理信息系统',
      '配备治安保卫人员并建立安全管理制度',
      '经营者无不宜从事旅馆业的违法犯罪记录',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '旅馆业特种行业许可申请登记表', applicationForm: true },
      businessLicence,
      idCard('法定代表人（负责人）'),
      { name: '房屋产权或租赁证明及平面图' },
      { name: '治安保卫制度及安全管理人员名单' },
    ],
    steps: ['提交申请', '公安机关审查材料', '辖区派出所现场检查', '作出许可决定', '发放特种行业许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场检查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['开民宿也要办特行证吗？', '对外提供住宿的民宿按旅馆业管理，需办理特种行业许可证并安装旅客住宿登记系统。'],
    ],
    lifeEvents: ['经营许可'],
    keywords: ['开宾馆', '开旅店', '开酒店', '民宿', '特行证', '住宿登记'],
  }),
  guide({
    dept: 'culture',
    baseCode: '000131001000',
    name: '娱乐场所经营许可',
    type: '行政许可',
    legalBasis: ['《娱乐场所管理条例》第九条、第十一条', '《娱乐场所管理办法》'],
    conditions: [
      '已取得营业执照',
      '场所位置不在居民楼、学校、医院周边等禁止设立的区域',
      '场所面积、设施符合国务院文化主管部门规定的标准',
      '投资人、负责人无条例规定的禁止情形',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '娱乐场所经营许可申请表', applicationForm: true },
      businessLicence,
      idCard('法定代表人（负责人）'),
      { name: '房产权属或租赁证明' },
      { name: '营业场所平面图及设施设备清单' },
    ],
    steps: ['提交申请', '审查材料', '实地检查并听证（必要时）', '作出许可决定', '发放娱乐经营许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '实地检查', limitDays: 5 }, { name: '听证', limitDays: 15 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['开KTV需要哪些证？', '营业执照、娱乐经营许可证，并依法办理消防安全检查；场所要符合歌舞娱乐场所设置标准。'],
    ],
    lifeEvents: ['经营许可'],
    keywords: ['开KTV', '歌厅', '练歌房', '游戏厅', '歌舞厅', '电玩城'],
  }),
];

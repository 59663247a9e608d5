/**
 * 农牧业产业发展综合窗口: farming, animal husbandry, forestry, grassland, agricultural machinery and
 * subsidies.
 */
import type { SeedGuide } from './index';

const WINDOW = 'agriculture';
const HALL_LOCATION = '准格尔旗政务服务中心二楼农牧业产业发展综合窗口';
const HOURS = '工作日 09:00-12:00, 14:30-17:30（法定节假日休息，周六上午可预约延时服务）';
const COMPLAINT_PHONE = '0477-4220012';
const FREE = { charged: false, standard: '不收费', basis: '本事项不收取任何费用' };
const TOWNSHIPS = ['xuejiawan', 'shagedu', 'dalu', 'narisong', 'longkou', 'zhungeerzhao', 'shierliancheng'];
const VILLAGES = ['dalu-xiaotanzi', 'shagedu-shagedu', 'xuejiawan-dongcheng', 'longkou-majiata', 'shierliancheng-liulin'];

/** Implementing departments: illustrative unified social credit codes and inquiry phones. */
const DEPARTMENTS = {
  agriculture: { name: '准格尔旗农牧局', credit: '11150622MB1A36158T', phone: '0477-4221653' },
  forestry: { name: '准格尔旗林业和草原局', credit: '11150622MB1A59207F', phone: '0477-4223390' },
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
    handledAt: i.handledAt ?? [{ point: 'banner-hall', windows: ['agriculture'] }],
  };
}

const hall = { point: 'banner-hall', windows: ['agriculture'] };
const hallAndTownships = [hall, ...TOWNSHIPS.map((point) => ({ point, windows: ['T3'] }))];
const hallTownshipsAndVillages = [...hallAndTownships, ...VILLAGES.map((point) => ({ point, windows: ['V1'] }))];
const ALSO_IN_TOWNSHIPS = `${HALL_LOCATION}；各苏木乡镇便民服务大厅农牧业服务窗口`;
const ALSO_IN_VILLAGES = `${ALSO_IN_TOWNSHIPS}；嘎查村（社区）便民代办点可代为受理转报`;

const applicantId: MaterialInput = {
  name: '申请人身份证明（居民身份证或营业执照）',
  source: '政府部门核发',
  notes: '现场核验原件；电子证照可共享调取的免于提交',
};

const entrustment: MaterialInput = {
  name: '授权委托书及被委托人身份证件',
  required: false,
  form: 'paper',
  notes: '委托他人代办时提供',
};

const subsidyCard: MaterialInput = {
  name: '惠农惠牧补贴“一卡通”或本人银行账户',
  source: '申请人自备',
  notes: '补贴资金通过“一卡通”直接发放到户',
};

export const agricultureGuides: SeedGuide[] = [
  guide({
    dept: 'agriculture',
    baseCode: '000115002000',
    name: '动物防疫条件合格证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国动物防疫法》第二十四条、第二十五条', '《动物防疫条件审查办法》'],
    conditions: [
      '场所位置与居民生活区、学校、医院等公共场所的距离符合动物防疫要求',
      '生产经营区域封闭隔离，工程设计和工艺流程符合动物防疫要求',
      '有与其规模相适应的污水、污物处理设施，病死动物和病害动物产品无害化处理设施',
      '有与其规模相适应的执业兽医或动物防疫技术人员，有完善的隔离消毒、免疫等防疫制度',
    ],
    legalDays: 15,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '动物防疫条件审查申请表', applicationForm: true },
      applicantId,
      { name: '场所地理位置图、各功能区布局平面图', notes: '标明与周边居民区、交通干线、其他养殖场的距离' },
      { name: '设施设备清单' },
      { name: '管理制度文本及人员情况', notes: '含防疫、消毒、免疫、无害化处理等制度' },
    ],
    steps: ['提交申请', '农牧局受理审查', '组织现场核查', '作出许可决定', '发放动物防疫条件合格证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['自己家里散养几只羊要办吗？', '不需要。动物饲养场、养殖小区、隔离场所、屠宰加工场所和动物及动物产品无害化处理场所才需要办理。'],
      ['养殖场迁址或扩建怎么办？', '变更场址或经营范围的，应当重新申请办理；变更单位名称或负责人的，办理变更手续即可。'],
    ],
    lifeEvents: ['农牧业生产', '经营许可'],
    keywords: ['养殖场防疫证', '开养殖场', '建羊场', '养牛场手续', '屠宰场', '防疫合格证'],
  }),
  guide({
    dept: 'agriculture',
    baseCode: '060115003000',
    name: '动物检疫合格证明出具',
    type: '行政确认',
    legalBasis: ['《中华人民共和国动物防疫法》第四十九条、第五十条', '《动物检疫管理办法》'],
    conditions: [
      '出售或运输动物、动物产品，按规定提前向动物卫生监督机构申报检疫（出售或运输动物提前3天）',
      '动物已按规定进行强制免疫并在有效保护期内，佩戴畜禽标识（耳标）',
      '临床检查健康，必要时实验室检测合格',
    ],
    legalDays: 1,
    promisedDays: 0,
    fees: { charged: false, standard: '不收费', basis: '国家已停征动物及动物产品检疫费' },
    materials: [
      { name: '检疫申报单', applicationForm: true, notes: '可通过动物检疫电子出证系统或手机端在线申报' },
      applicantId,
      { name: '养殖档案和强制免疫记录', notes: '规模养殖场提供养殖档案；散养户由嘎查村防疫员核实免疫情况' },
      { name: '畜禽标识（耳标）信息', form: 'electronic' },
    ],
    steps: [
      '出售或运输前3天通过手机或申报点申报检疫',
      '官方兽医到现场或指定地点实施检疫',
      '检疫合格的，当场出具动物检疫合格证明（电子出证）',
      '承运人凭证运输，到达后报告',
    ],
    location: ALSO_IN_VILLAGES,
    tripsRequired: 0,
    audiences: ['individual', 'legal_person'],
    online: true,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['卖羊给外地客商要开证吗？', '要。动物出售或运输离开产地前，都要申报检疫，取得动物检疫合格证明后才能运输。'],
      ['检疫要不要钱？', '不收费。检疫是官方兽医依法实施的，任何人收取检疫费都可以拨打12345投诉。'],
    ],
    lifeEvents: ['农牧业生产'],
    keywords: ['检疫证', '卖羊检疫', '拉牛出去', '牲口外调', '检疫票', '卖猪开证', '出栏检疫'],
    handledAt: hallTownshipsAndVillages,
  }),
  guide({
    dept: 'agriculture',
    baseCode: '000115004000',
    name: '动物诊疗许可证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国动物防疫法》第六十一条、第六十二条', '《动物诊疗机构管理办法》'],
    conditions: [
      '有固定的动物诊疗场所，且场所面积、布局符合规定',
      '动物诊疗场所选址距离动物饲养场、屠宰加工场所和动物交易场所不少于规定距离',
      '有与动物诊疗活动相适应的执业兽医',
      '有完善的诊疗服务、疫情报告、卫生消毒、兽药处方、药物和无害化处理等管理制度',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '动物诊疗许可证申请表', applicationForm: true },
      applicantId,
      { name: '动物诊疗场所使用权证明及平面布局图' },
      { name: '执业兽医资格证书', source: '政府部门核发' },
      { name: '设施设备清单和管理制度文本' },
    ],
    steps: ['提交申请', '受理审查', '现场核查', '作出许可决定', '发放动物诊疗许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['开宠物医院需要什么资格？', '至少要有执业兽医（从事动物颅腔、胸腔和腹腔手术的，需要3名以上执业兽医师），还要有独立的诊疗场所。'],
    ],
    lifeEvents: ['经营许可', '农牧业生产'],
    keywords: ['宠物医院', '兽医站', '兽医诊所', '牲口看病', '宠物诊所'],
  }),
  guide({
    dept: 'agriculture',
    baseCode: '000115005000',
    name: '种畜禽生产经营许可证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国畜牧法》第二十四条、第二十五条', '《畜禽新品种配套系审定和畜禽遗传资源鉴定办法》'],
    conditions: [
      '生产经营的种畜禽是通过审定或鉴定的品种、配套系，或经批准引进的境外品种',
      '有与生产经营规模相适应的畜牧兽医技术人员',
      '有与生产经营规模相适应的繁育设施设备',
      '具备法律规定的防疫条件，有完善的质量管理和育种记录制度',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '种畜禽生产经营许可证申请表', applicationForm: true },
      applicantId,
      { name: '动物防疫条件合格证', source: '政府部门核发', form: 'electronic' },
      { name: '种畜禽品种来源证明及系谱档案' },
      { name: '技术人员资质证明和设施设备清单' },
    ],
    steps: ['提交申请', '受理审查', '现场审验', '作出许可决定', '发放种畜禽生产经营许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场审验', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['农户之间互相换种公羊配种要办证吗？', '农户饲养的种畜禽用于自繁自养和有少量剩余的，不需要办理种畜禽生产经营许可证。'],
    ],
    lifeEvents: ['农牧业生产', '经营许可'],
    keywords: ['种羊场', '卖种羊', '种公牛', '卖鸡苗', '种猪场', '配种站'],
  }),
  guide({
    dept: 'agriculture',
    baseCode: '000115006000',
    name: '生鲜乳收购站许可',
    type: '行政许可',
    legalBasis: ['《乳品质量安全监督管理条例》第二十条、第二十一条', '《生鲜乳生产收购管理办法》'],
    conditions: [
      '由取得工商登记的乳制品生产企业、奶畜养殖场或奶农专业生产合作社开办',
      '符合生鲜乳收购站建设规划布局',
      '有符合环保和卫生要求的收购场所，有与收奶量相适应的冷却、冷藏、保鲜设施和低温运输设备',
      '有化验、计量、检测仪器设备及经培训合格的专业人员',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '生鲜乳收购许可证申请表', applicationForm: true },
      { name: '营业执照', source: '政府部门核发', form: 'electronic' },
      { name: '收购站平面图和周边环境示意图' },
      { name: '冷却、冷藏、检测设备清单' },
      { name: '从业人员健康证明和培训合格证明', source: '医疗机构出具' },
    ],
    steps: ['提交申请', '受理审查', '现场核查', '作出许可决定', '发放生鲜乳收购许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 5 }],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['个人能开奶站收牛奶吗？', '不能。生鲜乳收购站只能由乳制品生产企业、奶畜养殖场或奶农专业生产合作社开办，个人可以先成立合作社。'],
    ],
    lifeEvents: ['农牧业生产', '经营许可'],
    keywords: ['收牛奶', '奶站', '挤奶站', '收奶点', '牛奶收购'],
  }),
  guide({
    dept: 'agriculture',
    baseCode: '000115007000',
    name: '兽药经营许可证核发',
    type: '行政许可',
    legalBasis: ['《兽药管理条例》第二十二条、第二十三条', '《兽药经营质量管理规范》'],
    conditions: [
      '有与所经营的兽药相适应的兽药技术人员',
      '有与所经营的兽药相适应的营业场所、设备、仓库设施',
      '有与所经营的兽药相适应的质量管理机构或人员',
      '有兽药经营质量管理规定',
    ],
    legalDays: 30,
    promisedDays: 15,
    fees: FREE,
    materials: [
      { name: '兽药经营许可证申请表', applicationForm: true },
      applicantId,
      { name: '兽药技术人员学历证明或资格证书' },
      { name: '营业场所、仓库使用证明及平面图' },
      { name: '兽药经营质量管理制度文本' },
    ],
    steps: ['提交申请', '受理审查', '按兽药GSP现场检查验收', '作出许可决定', '发放兽药经营许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场检查验收', limitDays: 10 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['兽药店能卖疫苗吗？', '经营兽用生物制品（疫苗）的，需在许可证经营范围中注明，并具备冷链储存条件。'],
      ['许可证有效期几年？', '5年。期满需要继续经营的，在期满前6个月申请换发。'],
    ],
    lifeEvents: ['经营许可', '农牧业生产'],
    keywords: ['卖兽药', '兽药店', '兽药门市', '卖牲口药', '畜药'],
  }),
  guide({
    dept: 'agriculture',
    baseCode: '000115008000',
    name: '农药经营许可',
    type: '行政许可',
    legalBasis: ['《农药管理条例》第二十四条、第二十五条', '《农药经营许可管理办法》'],
    conditions: [
      '有具备农学、植保、农药等相关专业中专以上学历或者专业教育培训机构56学时以上学习经历的经营人员',
      '有不少于30平方米的营业场所、不少于50平方米的仓储场所，与其他商品、生活区域有效隔离',
      '所在地配备通风、消防、预防中毒等设施，有农药经营质量管理制度和岗位操作规程',
      '经营限制使用农药的，另须取得相应资质（由盟市以上部门核发）',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '农药经营许可申请表', applicationForm: true },
      applicantId,
      { name: '经营人员学历或培训证明' },
      { name: '营业场所和仓储场所地址、面积、平面图等说明材料及照片' },
      { name: '农药经营质量管理制度和岗位操作规程' },
      { name: '可追溯电子信息码扫描识别设备说明' },
    ],
    steps: ['提交申请', '受理审查', '现场核查', '作出许可决定', '发放农药经营许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['化肥店顺带卖点除草剂要办证吗？', '要。经营任何农药都需要取得农药经营许可证，只经营化肥的不需要。'],
    ],
    lifeEvents: ['经营许可', '农牧业生产'],
    keywords: ['卖农药', '农资店', '农资门市', '除草剂', '杀虫药', '化肥农药店'],
  }),
  guide({
    dept: 'agriculture',
    baseCode: '000115009000',
    name: '农作物种子生产经营许可证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国种子法》第三十一条、第三十二条、第三十三条', '《农作物种子生产经营许可管理办法》'],
    conditions: [
      '具有与种子生产经营相适应的生产经营设施、设备及专业技术人员',
      '有与种子生产经营相适应的资金和仓储条件',
      '法律、法规规定的其他条件',
      '只经营不再分装的包装种子或受委托代销的，无需办证，办理备案即可',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '农作物种子生产经营许可证申请表', applicationForm: true },
      applicantId,
      { name: '种子加工、检验、仓储设施设备清单及产权证明' },
      { name: '种子检验人员、贮藏保管人员资格证明' },
      { name: '品种审定证书或登记证书', required: false, source: '政府部门核发' },
    ],
    steps: ['提交申请', '受理审查', '现场考察', '作出许可决定', '发放种子生产经营许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场考察', limitDays: 5 }],
    audiences: ['legal_person', 'individual'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['农资店卖袋装玉米种子要办证吗？', '专门经营不再分装的包装种子的，不需要办理种子生产经营许可证，但应向农牧局备案。'],
    ],
    lifeEvents: ['经营许可', '农牧业生产'],
    keywords: ['卖种子', '种子店', '种子门市', '繁种', '玉米种', '制种'],
  }),
  guide({
    dept: 'agriculture',
    baseCode: '000115010000',
    name: '水产苗种生产许可',
    type: '行政许可',
    legalBasis: ['《中华人民共和国渔业法》第十六条', '《水产苗种管理办法》'],
    conditions: [
      '有固定的生产场地，水源充足，水质符合渔业用水标准',
      '用于繁殖的亲本来源于原、良种场，质量符合种质标准',
      '生产条件和设施符合水产苗种生产技术操作规程',
      '有与水产苗种生产和质量检验相适应的专业技术人员',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: FREE,
    materials: [
      { name: '水产苗种生产申请表', applicationForm: true },
      applicantId,
      { name: '养殖水域使用证明（养殖证或租赁合同）' },
      { name: '亲本来源证明' },
      { name: '水质检测报告', source: '中介机构出具' },
    ],
    steps: ['提交申请', '受理审查', '现场核查', '作出许可决定', '发放水产苗种生产许可证'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场核查', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['自己繁鱼苗自己养要办证吗？', '渔业生产者自育、自用水产苗种的，不需要办理水产苗种生产许可证。'],
    ],
    lifeEvents: ['农牧业生产', '经营许可'],
    keywords: ['鱼苗', '育鱼苗', '繁鱼苗', '鱼种场', '卖鱼苗'],
  }),
  guide({
    dept: 'forestry',
    baseCode: '000150001000',
    name: '征收使用草原审核',
    type: '行政许可',
    legalBasis: [
      '《中华人民共和国草原法》第三十八条、第三十九条',
      '《草原征占用审核审批管理规范》',
      '《内蒙古自治区草原管理条例》',
    ],
    conditions: [
      '矿藏开采和工程建设确需征收、征用或者使用草原，且属于本级审核权限',
      '不占或少占基本草原，符合国土空间规划',
      '已与草原所有者、承包经营者签订补偿协议',
      '依法缴纳草原植被恢复费',
    ],
    legalDays: 20,
    promisedDays: 10,
    fees: {
      charged: true,
      standard: '由用地单位按自治区草原植被恢复费收费标准缴纳草原植被恢复费；审核本身不收费',
      basis: '《中华人民共和国草原法》第三十九条；《财政部 国家发展改革委关于同意收取草原植被恢复费有关问题的通知》（财综〔2010〕29号）',
    },
    materials: [
      { name: '征收使用草原申请表', applicationForm: true },
      applicantId,
      { name: '项目批准、核准或备案文件', source: '政府部门核发', form: 'electronic' },
      { name: '草原权属证明及补偿协议' },
      { name: '使用草原现状调查报告', source: '中介机构出具', notes: '含勘测定界图' },
      entrustment,
    ],
    steps: ['提交申请', '受理审查', '现场查验', '作出审核决定（超出权限的逐级上报）', '出具使用草原审核同意书'],
    tripsRequired: 1,
    specialProcedures: [{ name: '现场查验', limitDays: 5 }],
    audiences: ['legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['煤矿临时用草地也要审核吗？', '要。临时占用草原的，需办理临时占用草原审核，期限不超过二年，到期恢复植被。'],
    ],
    lifeEvents: ['工程建设', '农牧业生产'],
    keywords: ['占草场', '草场征占用', '开矿占草地', '修路占草场', '草原植被恢复费'],
  }),
  guide({
    dept: 'forestry',
    baseCode: '000150002000',
    name: '林木采伐许可证核发',
    type: '行政许可',
    legalBasis: ['《中华人民共和国森林法》第五十六条、第五十七条', '《中华人民共和国森林法实施条例》'],
    conditions: [
      '采伐林地上的林木应申请采伐许可证（农村居民采伐自留地和房前屋后个人所有的零星林木除外）',
      '采伐符合林木年采伐限额和采伐作业规程',
      '林木权属清楚，无争议',
    ],
    legalDays: 20,
    promisedDays: 3,
    fees: FREE,
    materials: [
      { name: '林木采伐申请表', applicationForm: true, notes: '可在全国林木采伐管理系统手机端在线申请' },
      applicantId,
      { name: '林木权属证明（林权证、不动产权证书或承包合同）', source: '政府部门核发' },
      { name: '伐区调查设计或采伐作业说明', required: false, notes: '采伐蓄积量较大的提交；个人少量采伐可简化' },
    ],
    steps: ['手机端或窗口提交申请', '受理审查', '现场查验', '核发林木采伐许可证', '采伐后按规定完成更新造林'],
    location: ALSO_IN_TOWNSHIPS,
    tripsRequired: 0,
    specialProcedures: [{ name: '现场查验', limitDays: 5 }],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['砍自家院子里的几棵杨树要办证吗？', '农村居民采伐自留地和房前屋后个人所有的零星林木，不需要申请采伐许可证。'],
      ['承包地里的防护林能砍吗？', '防护林只能进行抚育和更新性质的采伐，需要申请采伐许可证并经现场查验。'],
    ],
    lifeEvents: ['农牧业生产', '建房'],
    keywords: ['砍树', '伐树', '采伐证', '砍杨树', '伐木', '卖木头'],
    handledAt: hallAndTownships,
  }),
  guide({
    dept: 'agriculture',
    baseCode: '060115011000',
    name: '拖拉机和联合收割机登记',
    type: '行政确认',
    legalBasis: [
      '《中华人民共和国道路交通安全法》第一百二十一条',
      '《农业机械安全监督管理条例》第二十一条',
      '《拖拉机和联合收割机登记规定》',
    ],
    conditions: [
      '拖拉机、联合收割机为合法取得，已投保交强险（上道路行驶的拖拉机）',
      '机具经安全技术检验合格',
      '所有人居住地或住所在本旗',
    ],
    legalDays: 2,
    promisedDays: 1,
    fees: { charged: false, standard: '不收费', basis: '拖拉机和联合收割机号牌、行驶证、登记证书工本费已按国家规定免收' },
    materials: [
      { name: '拖拉机和联合收割机登记业务申请表', applicationForm: true },
      { name: '所有人身份证明', source: '政府部门核发' },
      { name: '机具来历证明（购机发票）' },
      { name: '出厂合格证明或进口凭证' },
      { name: '交通事故责任强制保险凭证', required: false, notes: '拖拉机提交；联合收割机不需要' },
      { name: '安全技术检验合格证明', source: '政府部门核发', notes: '可在窗口或农机监理站现场查验' },
    ],
    steps: ['提交申请并交验机具', '农机安全监理人员查验机具', '审核确定号牌号码', '核发号牌、行驶证和登记证书'],
    location: ALSO_IN_TOWNSHIPS,
    tripsRequired: 1,
    audiences: ['individual', 'legal_person'],
    online: false,
    express: true,
    scope: '全旗通办',
    faqs: [
      ['买了二手拖拉机怎么过户？', '原车已登记的，买卖双方持身份证明、买卖凭证和原登记证书、行驶证，办理转移登记。'],
      ['拖拉机上牌要去哪验车？', '可以在政务服务中心农牧窗口预约，农机监理人员定期到各乡镇集中上门查验。'],
    ],
    lifeEvents: ['农牧业生产', '出行驾驶'],
    keywords: ['拖拉机上牌', '收割机上户', '农机上牌', '四轮车牌照', '农机挂牌'],
    handledAt: hallAndTownships,
  }),
  guide({
    dept: 'agriculture',
    baseCode: '040115012000',
    name: '耕地地力保护补贴发放',
    type: '行政给付',
    legalBasis: [
      '《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）',
      '《耕地地力保护补贴资金管理办法》',
    ],
    conditions: [
      '补贴对象为拥有耕地承包权的种地农民',
      '补贴面积以二轮承包耕地确权面积等为依据，已改为非农用途、长年抛荒和占补平衡中“补”的面积不予补贴',
      '按要求承诺不撂荒、不改变耕地用途',
    ],
    legalDays: 30,
    promisedDays: 20,
    fees: FREE,
    materials: [
      { name: '耕地地力保护补贴面积申报表', applicationForm: true, notes: '由嘎查村统一组织填报' },
      { name: '承包户户主居民身份证', source: '政府部门核发' },
      { name: '农村土地承包经营权证', source: '政府部门核发' },
      subsidyCard,
    ],
    steps: [
      '嘎查村组织农户申报面积并核实',
      '嘎查村公示补贴面积',
      '苏木乡镇审核汇总上报',
      '农牧局、财政局审核确认',
      '补贴资金通过“一卡通”发放到户',
    ],
    location: ALSO_IN_VILLAGES,
    tripsRequired: 1,
    specialProcedures: [{ name: '村级公示', limitDays: 5 }],
    audiences: ['individual'],
    online: false,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['地租给别人种了，补贴给谁？', '补贴发给拥有承包权的农户；流转双方另有约定的，按约定执行。'],
      ['补贴什么时候到账？', '每年按自治区统一部署申报，一般在下半年集中发放，可在“一卡通”明细中查询。'],
    ],
    lifeEvents: ['农牧业生产'],
    keywords: ['种地补贴', '地补', '种粮补贴', '粮食补贴', '惠农补贴', '一卡通补贴'],
    handledAt: hallTownshipsAndVillages,
  }),
  guide({
    dept: 'agriculture',
    baseCode: '040115013000',
    name: '农机购置补贴申领',
    type: '行政给付',
    legalBasis: ['《中华人民共和国农业机械化促进法》第二十七条', '《2024—2026年农机购置与应用补贴实施指导意见》'],
    conditions: [
      '从事农业生产的个人和农业生产经营组织',
      '购置的机具在自治区补贴机具目录范围内，并已全价购买',
      '同一年度内，同一申请人申请补贴的机具数量符合规定上限',
    ],
    legalDays: 30,
    promisedDays: 15,
    fees: FREE,
    materials: [
      { name: '农机购置补贴申请表', applicationForm: true, notes: '可通过农机购置补贴手机APP自主申请' },
      applicantId,
      { name: '购机发票', notes: '发票信息须与机具铭牌一致' },
      { name: '人机合影照片', form: 'electronic' },
      subsidyCard,
    ],
    steps: ['全价购机后通过手机APP或窗口提交补贴申请', '农牧局核验机具（重点机具现场核验）', '公示', '财政部门将补贴资金发放到申请人账户'],
    tripsRequired: 0,
    specialProcedures: [
      { name: '机具核验', limitDays: 5 },
      { name: '公示', limitDays: 5 },
    ],
    audiences: ['individual', 'legal_person'],
    online: true,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['买了拖拉机多久能领到补贴？', '资料齐全、核验合格的，公示后一般在15个工作日内兑付；受年度资金规模影响的会提前告知。'],
      ['二手农机能补吗？', '不能，补贴只针对购买目录内的新机具。'],
    ],
    lifeEvents: ['农牧业生产'],
    keywords: ['农机补贴', '买拖拉机补贴', '收割机补贴', '农机具补钱', '买农机返钱'],
    handledAt: hallAndTownships,
  }),
  guide({
    dept: 'forestry',
    baseCode: '040150003000',
    name: '草原生态保护补助奖励发放',
    type: '行政给付',
    legalBasis: ['《中华人民共和国草原法》', '《第三轮草原生态保护补助奖励政策实施指导意见》', '《内蒙古自治区基本草原保护条例》'],
    conditions: [
      '承包草原的农牧户，草原位于禁牧区或草畜平衡区',
      '落实禁牧或草畜平衡措施，经嘎查村和苏木乡镇核查合格',
      '按政策规定不属于不予发放的情形（如超载过牧、违规放牧）',
    ],
    legalDays: 30,
    promisedDays: 20,
    fees: FREE,
    materials: [
      { name: '草原补奖面积核定表', applicationForm: true, notes: '由嘎查村统一组织填报' },
      { name: '户主居民身份证和户口簿', source: '政府部门核发' },
      { name: '草原承包经营权证或承包合同', source: '政府部门核发' },
      subsidyCard,
    ],
    steps: ['嘎查村核实承包草原面积和落实情况', '嘎查村公示', '苏木乡镇审核', '林草局、财政局复核', '补奖资金通过“一卡通”发放到户'],
    location: ALSO_IN_VILLAGES,
    tripsRequired: 1,
    specialProcedures: [{ name: '村级公示', limitDays: 7 }],
    audiences: ['individual'],
    online: false,
    express: false,
    scope: '全旗通办',
    faqs: [
      ['禁牧区偷着放羊会扣补贴吗？', '会。核查发现违反禁牧规定的，按规定扣减或停发当年补奖资金。'],
    ],
    lifeEvents: ['农牧业生产'],
    keywords: ['禁牧补贴', '草畜平衡奖励', '草原补贴', '草补', '禁牧款', '草场补助'],
    handledAt: hallTownshipsAndVillages,
  }),
];

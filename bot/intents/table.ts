/**
 * The intent table: what residents say, as data. Each intent lists keyword/regex patterns; when
 * several intents match, the higher priority wins, then the longer matched text. Anything no rule
 * matches is `unknown` (the guide dialogue then tries the gateway's search). Patterns run against the
 * normalized, lower-cased message (see normalize.ts). Tested from test/fixtures/bot-utterances.json.
 */
export const INTENTS = [
  'help',
  'thanks',
  'cancel',
  'human',
  'guide.search',
  'guide.materials',
  'guide.duration',
  'guide.location',
  'guide.fees',
  'status.query',
  'booking.mine',
  'booking.how',
  'booking.cancel',
  'complaint.file',
  'complaint.follow',
  'notice.list',
  'notice.subscribe',
  'notice.unsubscribe',
  'binding.bind',
  'binding.unbind',
  'binding.resend',
  /** A reply to the question the bot just asked (a phone, a code, a choice, yes/no, free text). */
  'answer',
  'unknown',
] as const;

export type Intent = (typeof INTENTS)[number];

export interface IntentRule {
  intent: Exclude<Intent, 'answer' | 'unknown'>;
  /** Higher wins when several rules match. */
  priority: number;
  /** Any of these (substring or regex) matching makes the rule match. */
  patterns: Array<string | RegExp>;
  /** The rule does not match when any of these does. */
  unless?: RegExp[];
}

/** Patterns shared by rules and slot extraction. */
export const APPLICATION_NUMBER = /BJ\d{6}-?[2-9A-HJKMNP-Z]{8}/i;
/** Complaint tracking numbers (受理编号): TS + China date + 8 characters, e.g. TS20261013K7M2Q9XA (spaces or dashes tolerated). */
export const TRACKING_NUMBER = /TS[\s-]?\d{8}[\s-]?[0-9A-Z]{8}/i;

export const INTENT_TABLE: IntentRule[] = [
  {
    intent: 'help',
    priority: 2,
    patterns: [
      /^(你好|您好|hi|hello|哈喽|嗨|在吗|在不在|在么|有人吗|帮助|菜单|功能|帮忙|help|\?|小助手|机器人|开始|主菜单|menu)[啊呀吗呢哈!。.~]*$/,
      /^((你好|您好|hi|hello|在吗|在不在|有人吗|小助手)[,，!啊呀吗呢]*){2,}$/,
      /你(都|还)?(会|能)(做|干|帮我|帮我做|帮我干)?(些)?(什么|啥)/,
      '你能做什么', '你会什么', '能帮我什么', '能帮我做什么', '有什么功能', '有哪些功能', '使用说明', '怎么用你', '你能干', '你会干', '能办什么',
    ],
  },
  {
    intent: 'thanks',
    priority: 2,
    patterns: [/^(好的?|嗯|ok)?[,，]?(谢谢|感谢|多谢|谢了|thanks|thankyou|thx|辛苦了|辛苦|麻烦了|太感谢了)(你|您|啦|了|哈|呀)*$/],
  },
  {
    intent: 'cancel',
    priority: 6,
    patterns: [/^(取消|算了|不办了|不用了|退出|返回|重来|重新开始|不要了|结束|停|停止|不查了|不投诉了|不弄了|不问了|放弃)[了吧啦啊。.!]*$/],
  },
  {
    intent: 'human',
    priority: 9,
    patterns: [/转人工|人工客服|人工服务|找人工|接人工|要人工|真人|有没有人工|有人工|人工(呢|吗|啊)|^人工$|找(个)?(工作人员|客服)|联系(一下)?(工作人员|客服)|(跟|和|让)(工作人员|客服)/],
  },
  {
    intent: 'guide.search',
    priority: 3,
    patterns: [
      /(要|得|需要|怎么|如何|咋|去哪|在哪)?(办|申请|申领|补办|换领|领取|开具|开)(理)?(什么|啥|哪些|个|张|一个)?(证|照|手续|许可|执照)/,
      /办事指南|办理流程|手续|怎么办理|如何办理|咋办|怎么申请|如何申请|怎么弄|咋弄|怎么开|流程|怎么领|怎么补|去哪办|要办啥|需要办/,
      /(要|需要|得)(办)?[\u4e00-\u9fa5]{0,4}(证|执照|许可)(吗|么|不)?$/,
      /开(个|家|一个|一家)?[\u4e00-\u9fa5]{0,3}(店|馆|馆子|厂|铺)/,
      /开(个|家|一个|一家)?(饭店|饭馆|餐馆|餐厅|小吃店|奶茶店|烧烤店|超市|小卖部|便利店|药店|诊所|公司|网吧|美容院|理发店|店|厂|养殖场|旅馆|宾馆|民宿)/,
      /营业执照|许可证|身份证|户口|社保卡|医保|养老|低保|残疾证|准生证|出生证明|结婚证|驾驶证|行驶证|健康证|不动产|房产证|采伐|补贴|退休|公积金|营业执|执照|个体户|年检|年审|备案|登记|注销|变更|过户|迁移|落户|证明/,
    ],
  },
  {
    intent: 'guide.materials',
    priority: 5,
    patterns: [/材料|资料|带什么|带啥|带哪些|拿什么|拿啥|准备什么|准备啥|准备哪些|要什么东西|需要什么东西|交什么|提交什么|提供什么|复印件|原件|要带/],
    unless: [/投诉|举报/],
  },
  {
    intent: 'guide.duration',
    priority: 5,
    patterns: [/多久|多长时间|多少天|几天|几个工作日|时限|办结|办好|办完|办下来|拿到|能拿|出证|当天|当场|等多久|多快|要多长|快不快|什么时候(能|可以)?(办|好|拿|出|下来)/],
    unless: [APPLICATION_NUMBER, /进度|办到哪/],
  },
  {
    intent: 'guide.location',
    priority: 5,
    patterns: [/在哪|哪里办|哪儿|去哪|到哪|地址|地点|位置|哪个窗口|几号窗口|几楼|窗口在|怎么走|怎么去|几点|上班时间|办公时间|工作时间|营业时间|周末|周六|星期天|中午|就近|乡镇能办|镇上能办|村里能办|在家门口/],
    unless: [/办到哪|进度|审批到哪/],
  },
  {
    intent: 'guide.fees',
    priority: 5,
    patterns: [/要钱|收费|收钱|费用|多少钱|花钱|免费|交钱|交费|缴费|工本费|要不要钱|花多少|贵不贵|几块钱|收不收/],
    unless: [/乱收费|多收|投诉|举报/],
  },
  {
    intent: 'status.query',
    priority: 7,
    patterns: [APPLICATION_NUMBER, /我的.{0,8}(办好|批|下来|好了)(了)?(没|吗|没有)|办件(进度|状态|结果)|办到哪|审批到哪|批到哪|查(一下|询)?(我的)?(办件|申请|审批)|我的(办件|申请)|审批结果|批下来(了)?(没|吗)|进度(怎么样|如何)|(申请|办件|审批|证).{0,4}(进度|状态)|下来了(没|吗)|结果出来/],
    unless: [TRACKING_NUMBER, /投诉|举报|建议|预约/],
  },
  {
    intent: 'booking.mine',
    priority: 6,
    patterns: [/我的预约|预约记录|查(一下|询|看)?(我的)?预约|预约(了)?(哪天|什么时候|几点|情况|信息|成功)|约的(是)?(几点|哪天|什么时候)|我约了|我(有|还有)(没有|几个)?预约/],
    unless: [/取消|不去|退掉|撤销|去不了/],
  },
  {
    intent: 'booking.how',
    priority: 5,
    patterns: [/怎么预约|如何预约|咋预约|预约(办理|办事|流程|怎么|入口|链接|小程序|时间|号)|我要预约|我想预约|想约|(能|可以)(不能)?(网上)?预约|网上预约|在线预约|预约一下|帮我预约|约个号|约号|排号|提前约|^预约$|预约吗|要预约/],
    unless: [/取消|不去|退掉|撤销|我的预约|去不了/],
  },
  {
    intent: 'booking.cancel',
    priority: 8,
    patterns: [/(取消|退掉|撤销|退订|不要)(掉)?(了)?.{0,6}预约|预约.{0,4}(取消|退掉|不去了|去不了|不要了|撤销)|(去不了|不去了).{0,6}(预约|大厅|窗口)?/],
    unless: [/订阅|通知/],
  },
  {
    intent: 'complaint.file',
    priority: 7,
    patterns: [/投诉|举报|反映(个|一下)?(问题|情况)|态度(差|不好|恶劣|太差)|吃拿卡要|不作为|刁难|乱收费|推诿|踢皮球|服务太差|太差劲|差评|不满意|找不到人|提前下班|迟到|早退|脱岗|玩手机|不在岗|建议|提(个|点)?(建议|意见)|我有(个|一个|一些|点)?(建议|意见)|给你们提|建议你们|意见箱|留言/],
  },
  {
    intent: 'complaint.follow',
    priority: 8,
    patterns: [TRACKING_NUMBER, /(投诉|举报|建议|意见|反映的问题|留言|咨询).{0,6}(进度|结果|处理|回复|怎么样|到哪|有结果|查询|有人管|没人管|回音)|查(一下|询|看)?(我的)?(投诉|举报|建议|咨询)|我的(投诉|举报|建议|咨询|工单)|工单/],
    unless: [/^我要(投诉|举报)|怎么投诉|如何投诉|想投诉/],
  },
  {
    intent: 'notice.list',
    priority: 4,
    patterns: [/(政策|通知|公告|新闻|消息)(有哪些|有什么|列表)|(最新|最近|新的?|有什么|有啥|有没有|查看|看看|发布)(的)?(政策|通知|公告)|^(政策|通知|公告)$|惠民政策|新政策/],
    unless: [/订阅|退订|不要|别再|关注/],
  },
  {
    intent: 'notice.subscribe',
    priority: 7,
    patterns: [/订阅|关注.{0,6}(通知|政策|消息)|(通知|政策|消息).{0,4}(发给我|推给我|推送给我|告诉我|提醒我)|接收.{0,4}(通知|政策)|(有|出).{0,4}(通知|政策).{0,4}(告诉|通知|提醒)我/],
    unless: [/取消订阅|退订|不(要|想|用)再?|别再|取消关注|关闭/],
  },
  {
    intent: 'notice.unsubscribe',
    priority: 8,
    patterns: [/取消订阅|退订|不(要|想|用)再?(收|发|接收|推送|给我发)|别再?(发|推送|给我发)|取消关注|关闭.{0,2}(通知|推送|提醒)|^td$/],
    unless: [/预约/],
  },
  {
    intent: 'binding.bind',
    priority: 7,
    patterns: [/绑定|绑(个|一下|下)?(我的)?(手机|号)|绑号|关联(手机|账号)|验证手机|换(个|一个)?(手机号|号码)|更换手机|登录|登陆|注册/],
    unless: [/解绑|解除绑定|取消绑定/],
  },
  {
    intent: 'binding.unbind',
    priority: 9,
    patterns: [/解绑|解除绑定|取消绑定|不绑定了|删除绑定/],
  },
  {
    intent: 'binding.resend',
    priority: 8,
    patterns: [/重新发送|重发|再发一(次|个|遍)|没收到(验证码|短信)?|收不到(验证码|短信)|(验证码|短信).{0,4}(收不到|没收到|没来|没有收到)/],
  },
];

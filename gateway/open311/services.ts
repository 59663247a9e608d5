/**
 * Complaint and consultation categories as Open311 services: one service per type and category
 * (e.g. `complaint-bribery`), each with the same optional attributes — anonymity and whom or what
 * it concerns. Suggestions are not offered through Open311.
 */
import { COMPLAINT_CATEGORIES, type ComplaintCategory, type ComplaintType } from '../../models/complaint';
import { CATEGORY_INFO, COMPLAINT_RULES, TYPE_NAMES } from '../complaints/rules';

export const OPEN311_TYPES = ['complaint', 'consultation'] as const satisfies readonly ComplaintType[];
type Open311Type = (typeof OPEN311_TYPES)[number];

export interface ServiceRef {
  code: string;
  type: Open311Type;
  category: ComplaintCategory;
}

export const SERVICES: ServiceRef[] = OPEN311_TYPES.flatMap((type) => COMPLAINT_CATEGORIES.map((category) => ({ code: `${type}-${category}`, type, category })));

export const serviceByCode = (code: string) => SERVICES.find((s) => s.code === code);
export const serviceCodeOf = (type: string, category: string) => `${type}-${category}`;
export const serviceName = (s: Pick<ServiceRef, 'type' | 'category'>) => `${TYPE_NAMES[s.type]}·${CATEGORY_INFO[s.category].name}`;

export function presentServiceList() {
  return SERVICES.map((s) => ({
    service_code: s.code,
    service_name: serviceName(s),
    description: `${CATEGORY_INFO[s.category].description}（${COMPLAINT_RULES.deadlines[s.type].answer}个工作日内答复）`,
    metadata: true,
    type: 'realtime',
    keywords: CATEGORY_INFO[s.category].keywords,
    group: TYPE_NAMES[s.type],
  }));
}

/** Attribute codes and what they fill in on the item. */
export const ATTRIBUTES = {
  ANONYMOUS: 'anonymous',
  TARGET_DEPARTMENT: 'department',
  TARGET_WINDOW: 'window',
  TARGET_STAFF: 'staff',
  GUIDE_CODE: 'guideCode',
} as const;

export function presentServiceDefinition(s: ServiceRef) {
  const text = (code: string, order: number, description: string, datatype_description: string | null = null) => ({
    variable: true,
    code,
    datatype: 'string',
    required: false,
    datatype_description,
    order,
    description,
  });
  return {
    service_code: s.code,
    attributes: [
      {
        variable: true,
        code: 'ANONYMOUS',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '匿名提交时，承办人员看不到提交人的任何身份信息；提交人仍可凭受理编号和手机号后四位查询',
        order: 1,
        description: '是否匿名',
        values: [
          { key: 'false', name: '实名' },
          { key: 'true', name: '匿名' },
        ],
      },
      text('TARGET_DEPARTMENT', 2, '涉及的部门', '部门全称，如“准格尔旗市场监督管理局”'),
      text('TARGET_WINDOW', 3, '涉及的窗口', '窗口名称或编号'),
      text('TARGET_STAFF', 4, '涉及的工作人员或帮办代办员', '姓名或工号'),
      text('GUIDE_CODE', 5, '相关办事事项编码', '办事指南上的事项编码'),
    ],
  };
}

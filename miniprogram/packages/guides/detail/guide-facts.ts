/** The facts block of a guide, as label/value rows in the order residents ask about them. */
import type { GuideDetail } from '../../../services/guides';
import { timeLimitLabel, tripsLabel } from '../../../utils/format';

export function guideFacts(g: GuideDetail): Array<{ label: string; value: string }> {
  const rows = [
    { label: '办件类型', value: g.caseTypeName },
    { label: '承诺办结时限', value: timeLimitLabel(g.promisedTimeLimitDays) },
    { label: '法定办结时限', value: timeLimitLabel(g.legalTimeLimitDays) },
    { label: '跑动次数', value: tripsLabel(g.tripsRequired) },
    { label: '是否收费', value: g.fees.charged ? g.fees.standard ?? '收费' : '不收费' },
    { label: '办理方式', value: [g.online ? '网上申报' : '', '窗口办理', g.bookable ? '可预约' : '', g.express ? '可邮寄送达' : ''].filter(Boolean).join('、') },
  ];
  if (g.scope) rows.push({ label: '通办范围', value: g.scope });
  rows.push({ label: '实施主体', value: g.department });
  if (g.entrustedDepartment) rows.push({ label: '受委托部门', value: g.entrustedDepartment });
  if (g.inquiryPhone) rows.push({ label: '咨询电话', value: g.inquiryPhone });
  if (g.complaintPhone) rows.push({ label: '监督投诉', value: g.complaintPhone });
  return rows;
}

/**
 * Catalogue exchange in the national implementation-list (实施清单) field names: export every guide
 * as JSON rows, import rows back with a clear report of every invalid row (nothing half-imported).
 */
import { GuideModel, type Guide } from '../../models/guide';
import { GuideVersionModel } from '../../models/guide-version';
import type { StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { reloadCatalogue } from './catalogue';
import { GuideInputSchema } from './schema';

type Row = Record<string, unknown>;

const WINDOWS: Record<string, string> = { market_access: '市场准入', construction: '基本建设', agriculture: '农牧业产业发展', social_affairs: '社会事业' };
const CASE_TYPES: Record<string, string> = { immediate: '即办件', promised: '承诺件' };
const FORMS: Record<string, string> = { paper: '纸质', electronic: '电子', both: '纸质和电子' };
const AUDIENCES: Record<string, string> = { individual: '自然人', legal_person: '法人' };
const STATUSES: Record<string, string> = { draft: '草稿', published: '已发布', retired: '已停用' };

const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const yes = (b: unknown) => (b ? '是' : '否');
const isYes = (v: unknown) => v === true || v === '是';

/** Our field ↔ the list's name, with the conversion each way. */
const FIELDS: Array<[keyof Guide & string, string, ((v: any) => unknown)?, ((v: any) => unknown)?]> = [
  ['name', '事项名称'],
  ['baseCode', '基本编码'],
  ['code', '实施编码'],
  ['type', '事项类型'],
  ['window', '所属窗口', (v) => WINDOWS[v], (v) => invert(WINDOWS)[v] ?? v],
  ['department', '实施主体'],
  ['entrustedDepartment', '委托部门'],
  ['legalBasis', '设定依据'],
  ['conditions', '受理条件'],
  ['legalTimeLimitDays', '法定办结时限（工作日）'],
  ['promisedTimeLimitDays', '承诺办结时限（工作日）'],
  ['caseType', '办件类型', (v) => CASE_TYPES[v], (v) => invert(CASE_TYPES)[v] ?? v],
  ['fees', '收费情况', (f) => ({ 是否收费: yes(f?.charged), 收费标准: f?.standard ?? '', 收费依据: f?.basis ?? '' }), (f) => ({ charged: isYes(f?.['是否收费']), standard: f?.['收费标准'] || undefined, basis: f?.['收费依据'] || undefined })],
  [
    'materials',
    '申请材料',
    (ms: any[]) => ms.map((m) => ({ 材料名称: m.name, 必要性: m.required ? '必要' : '非必要', 材料形式: FORMS[m.form] ?? m.form, 份数: m.copies, 来源渠道: m.source ?? '', 空白表格: m.blankFormUrl ?? '', 示例样表: m.sampleUrl ?? '', 填报须知: m.notes ?? '' })),
    (ms: any[]) => (Array.isArray(ms) ? ms.map((m) => ({ name: m?.['材料名称'], required: m?.['必要性'] !== '非必要', form: invert(FORMS)[m?.['材料形式']] ?? m?.['材料形式'], copies: m?.['份数'], source: m?.['来源渠道'] || undefined, blankFormUrl: m?.['空白表格'] || undefined, sampleUrl: m?.['示例样表'] || undefined, notes: m?.['填报须知'] || undefined })) : ms),
  ],
  ['steps', '办理流程'],
  ['location', '办理地点'],
  ['hours', '办理时间'],
  ['inquiryPhone', '咨询方式'],
  ['complaintPhone', '监督投诉方式'],
  ['tripsRequired', '到办事现场次数'],
  [
    'specialProcedures',
    '特别程序',
    (ps: any[]) => ps.map((p) => ({ 名称: p.name, 时限: p.limitDays ?? null, 是否计入办理时限: yes(p.countsInTimeLimit) })),
    (ps: any[]) => (Array.isArray(ps) ? ps.map((p) => ({ name: p?.['名称'], limitDays: p?.['时限'] ?? undefined, countsInTimeLimit: isYes(p?.['是否计入办理时限']) })) : ps),
  ],
  ['audiences', '服务对象', (a: string[]) => a.map((x) => AUDIENCES[x] ?? x), (a: unknown) => (Array.isArray(a) ? a.map((x) => invert(AUDIENCES)[x] ?? x) : a)],
  ['level', '行使层级'],
  ['bookable', '是否支持预约办理', yes, isYes],
  ['online', '是否网办', yes, isYes],
  ['express', '是否支持物流快递', yes, isYes],
  ['scope', '通办范围'],
  ['faqs', '常见问题', (fs: any[]) => fs.map((f) => ({ 问题: f.question, 解答: f.answer })), (fs: any[]) => (Array.isArray(fs) ? fs.map((f) => ({ question: f?.['问题'], answer: f?.['解答'] })) : fs)],
  ['lifeEvents', '所属主题'],
  ['keywords', '搜索关键词'],
  ['handledAt', '办理网点', (hs: any[]) => hs.map((h) => ({ 网点编码: h.point, 窗口编码: h.windows })), (hs: any[]) => (Array.isArray(hs) ? hs.map((h) => ({ point: h?.['网点编码'], windows: h?.['窗口编码'] })) : hs)],
  ['status', '状态', (v) => STATUSES[v], (v) => invert(STATUSES)[v] ?? v],
];

export async function exportCatalogue(): Promise<Row[]> {
  const guides = await GuideModel.find({}).sort({ window: 1, code: 1 }).lean();
  return guides.map((g) => Object.fromEntries(FIELDS.map(([field, name, out]) => [name, out ? out((g as any)[field]) : ((g as any)[field] ?? '')])));
}

function fromRow(row: Row): Record<string, unknown> {
  const guide: Record<string, unknown> = {};
  for (const [field, name, , back] of FIELDS) {
    const raw = row[name];
    if (raw === undefined || raw === '') continue;
    guide[field] = back ? back(raw) : raw;
  }
  return guide;
}

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  invalid: Array<{ row: number; code: string | null; name: string | null; errors: Array<{ field: string; message: string }> }>;
}

const LIST_NAME: Record<string, string> = Object.fromEntries(FIELDS.map(([f, n]) => [f, n]));

/** Validates every row first; imports only when all rows are valid (the report lists each problem). */
export async function importCatalogue(actor: StaffActor, rows: unknown[], options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const report: ImportReport = { total: rows.length, created: 0, updated: 0, invalid: [] };
  const valid: Array<ReturnType<typeof GuideInputSchema.parse> & { status?: 'draft' | 'published' | 'retired' }> = [];
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    const row = (raw && typeof raw === 'object' ? raw : {}) as Row;
    const mapped = fromRow(row);
    const parsed = GuideInputSchema.safeParse(mapped);
    const code = typeof mapped.code === 'string' ? mapped.code : null;
    const errors = parsed.success ? [] : parsed.error.issues.map((iss) => ({ field: LIST_NAME[String(iss.path[0])] ?? iss.path.join('.'), message: iss.message }));
    if (code && seen.has(code)) errors.push({ field: '实施编码', message: '与前面的行重复' });
    if (code) seen.add(code);
    const status = mapped.status as 'draft' | 'published' | 'retired' | undefined;
    if (status && !['draft', 'published', 'retired'].includes(status as string)) errors.push({ field: '状态', message: '应为 草稿、已发布 或 已停用' });
    if (errors.length || !parsed.success) report.invalid.push({ row: i + 1, code, name: typeof mapped.name === 'string' ? mapped.name : null, errors });
    else valid.push({ ...parsed.data, status });
  });
  if (report.invalid.length || options.dryRun) return report;
  const existing = new Set((await GuideModel.find({ code: { $in: valid.map((g) => g.code) } }, { code: 1 }).lean()).map((g) => g.code));
  const session = await GuideModel.startSession();
  try {
    await session.withTransaction(async () => {
      report.created = report.updated = 0;
      for (const g of valid) {
        const { status, ...fields } = g;
        if (existing.has(g.code)) {
          await GuideModel.updateOne({ code: g.code }, { $set: { ...fields, ...(status ? { status } : {}) }, $inc: { version: 1 } }, { session });
          report.updated++;
        } else {
          await GuideModel.create([{ ...fields, status: status ?? 'draft', version: 1 }], { session });
          report.created++;
        }
        const saved = await GuideModel.findOne({ code: g.code }, null, { session }).lean();
        const { _id, ...snapshot } = saved!;
        await GuideVersionModel.create([{ code: g.code, version: saved!.version, action: 'import', snapshot, changedBy: { staffId: actor.staffId, username: actor.username }, changedAt: new Date() }], { session });
      }
    });
  } finally {
    await session.endSession();
  }
  await recordAudit(actor, 'guide.import', { type: 'guide' }, { created: report.created, updated: report.updated });
  await reloadCatalogue();
  return report;
}

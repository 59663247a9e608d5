/**
 * The registry of message kinds. Each has its provider template code (configuration), a schema for
 * its variables (Aliyun: every variable given, each at most 35 characters), its priority, and the
 * Chinese text used for preview and the message log.
 */
import { z } from 'zod';

/** Aliyun rejects variables longer than 35 characters; long free text is shortened, not refused. */
const text = (max = 35) => z.string().min(1).transform((s) => (s.length > max ? `${s.slice(0, max - 1)}…` : s));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

interface TemplateSpec<S extends z.ZodType> {
  priority: number;
  params: S;
  text: string;
  /** Variables never written to the log in clear. */
  secret?: string[];
  /** Quiet hours apply (non-urgent notices only). */
  quiet?: boolean;
}

const t = <S extends z.ZodType>(spec: TemplateSpec<S>) => spec;

export const TEMPLATES = {
  login_code: t({
    priority: 0,
    params: z.object({ code: z.string().regex(/^\d{6}$/) }),
    text: '您的验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。',
    secret: ['code'],
  }),
  booking_confirmed: t({
    priority: 2,
    params: z.object({ item: text(), place: text(), time: text(), code: text(12) }),
    text: '您已成功预约${place}办理“${item}”，时间${time}，预约码${code}。请携带身份证件按时到场，如需取消请提前2小时。',
  }),
  booking_reminder: t({
    priority: 3,
    params: z.object({ item: text(), place: text(), time: text(), code: text(12) }),
    text: '温馨提醒：您预约了明天${time}在${place}办理“${item}”，预约码${code}，请按时到场。',
  }),
  booking_cancelled: t({
    priority: 2,
    params: z.object({ item: text(), time: text(), reason: text() }),
    text: '您预约的${time}“${item}”已取消，原因：${reason}。如需办理请重新预约。',
  }),
  application_accepted: t({
    priority: 1,
    params: z.object({ number: text(20), item: text(), promisedDate: date }),
    text: '您的办件${number}（${item}）已受理，承诺于${promisedDate}前办结，可凭办件编号查询进度。',
  }),
  application_supplement: t({
    priority: 1,
    params: z.object({ number: text(20), item: text(), missing: text() }),
    text: '您的办件${number}（${item}）需补正材料：${missing}。请尽快补齐，补正期间不计入办理时限。',
  }),
  application_approved: t({
    priority: 1,
    params: z.object({ number: text(20), item: text() }),
    text: '您的办件${number}（${item}）已审批通过，领取方式将另行通知。',
  }),
  application_rejected: t({
    priority: 1,
    params: z.object({ number: text(20), item: text(), reason: text() }),
    text: '您的办件${number}（${item}）未予通过，原因：${reason}。如有疑问请咨询窗口或拨打12345。',
  }),
  application_ready: t({
    priority: 1,
    params: z.object({ number: text(20), item: text(), pickup: text() }),
    text: '您的办件${number}（${item}）结果已可领取：${pickup}。',
  }),
  complaint_received: t({
    priority: 2,
    params: z.object({ trackingNumber: text(20), type: text(4) }),
    text: '您的${type}已收到，受理编号${trackingNumber}，我们将按时办理答复，可凭编号查询进度。',
    // The staff message log must not tie a phone to a complaint (anonymous ones above all).
    secret: ['trackingNumber'],
  }),
  complaint_replied: t({
    priority: 2,
    params: z.object({ trackingNumber: text(20), type: text(4) }),
    text: '您的${type}（编号${trackingNumber}）已答复，请查看答复内容并对办理结果进行评价。',
    secret: ['trackingNumber'],
  }),
  policy_notice: t({
    priority: 9,
    params: z.object({ title: text(), summary: text() }),
    text: '【政策通知】${title}：${summary}。回复TD退订。',
    quiet: true,
  }),
} as const;

export type MessageKind = keyof typeof TEMPLATES;
export const MESSAGE_KINDS = Object.keys(TEMPLATES) as MessageKind[];
export type TemplateParams<K extends MessageKind> = z.input<(typeof TEMPLATES)[K]['params']>;

export function renderText(kind: MessageKind, params: Record<string, string>, maskSecrets = false): string {
  const spec: TemplateSpec<z.ZodType> = TEMPLATES[kind];
  return spec.text.replace(/\$\{(\w+)\}/g, (_m, name: string) =>
    maskSecrets && spec.secret?.includes(name) ? '*'.repeat(params[name]?.length ?? 6) : (params[name] ?? ''),
  );
}

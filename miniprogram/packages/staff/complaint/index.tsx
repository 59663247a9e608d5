/**
 * One complaint for its handlers: what was reported (anonymous items without the filer), photos,
 * the filer's additions, the history, and the steps the staff member may take.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro';
import { AsyncView } from '../../../components/async-view';
import { LightBadge } from '../../../components/light-badge';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { actOnComplaint, fetchStaffComplaint } from '../../../services/complaints';
import { useSession } from '../../../store/session';
import { toast, toastError } from '../../../utils/feedback';
import { dateTimeLabel } from '../../../utils/format';
import { StaffNav } from '../staff-nav';
import { complaintActionBody, complaintActions, type ComplaintActionSpec } from './complaint-actions';
import '../staff.scss';

export default function StaffComplaint() {
  const signedIn = useRequireLogin('staff');
  const { staff } = useSession();
  const { tn = '' } = usePageParams();
  const item = useAsync(() => fetchStaffComplaint(tn), [tn], { skip: !signedIn });
  const [open, setOpen] = useState<ComplaintActionSpec>();
  const [value, setValue] = useState('');

  const act = async () => {
    if (!open) return;
    if (open.required && !value.trim()) {
      toast(`请填写${open.fieldLabel.replace(/（.*）/, '')}`);
      throw new Error('required'); // keeps the dialog open
    }
    try {
      item.setData(await actOnComplaint(tn, open.action, complaintActionBody(open, value)));
      toast(`已${open.label}`, 'success');
      setOpen(undefined);
    } catch (error) {
      toastError(error);
      throw error;
    }
  };

  if (!signedIn) return <PageShell />;
  const c = item.data;
  return (
    <PageShell className="staff-complaint">
      <StaffNav current="staffComplaint" />
      <AsyncView loading={item.loading && !c} error={item.error} onRetry={item.reload} rows={8}>
        {c && staff && (
          <>
            <Section title={`${c.typeName} · ${c.categoryName}`}>
              <View className="ow-kv">
                <Text className="ow-kv__key">查询码</Text>
                <Text className="ow-kv__value">{c.trackingNumber}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">状态</Text>
                <Text className="ow-kv__value staff-application__state">{c.statusName}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">反映人</Text>
                <Text className="ow-kv__value">{c.anonymous || !c.filer ? '匿名' : `${c.filer.name ?? ''} ${c.filer.phone ?? ''}`}</Text>
              </View>
              {c.department && (
                <View className="ow-kv">
                  <Text className="ow-kv__key">承办部门</Text>
                  <Text className="ow-kv__value">{c.department}</Text>
                </View>
              )}
              {(c.target.department || c.target.staff) && (
                <View className="ow-kv">
                  <Text className="ow-kv__key">涉及</Text>
                  <Text className="ow-kv__value">{[c.target.department, c.target.staff].filter(Boolean).join(' · ')}</Text>
                </View>
              )}
              {c.status !== 'closed' && c.status !== 'replied' && <LightBadge light={c.light} promisedDate={c.dueDate} />}
            </Section>
            <Section title="反映内容">
              <Text className="complaint-detail__content">{c.content}</Text>
              {c.photos && c.photos.length > 0 && <Text className="staff-complaint__photos">照片 {c.photos.length} 张：{c.photos.map((p) => p.name ?? '照片').join('、')}</Text>}
              {c.additions?.map((a, i) => (
                <Text key={i} className="staff-complaint__photos">
                  补充（{dateTimeLabel(a.at)}）：{a.text}
                </Text>
              ))}
            </Section>
            <Section title="办理操作">
              <View className="ow-actions__buttons">
                {complaintActions(c, staff).map((spec) => (
                  <Button
                    key={spec.action}
                    type="primary"
                    className={`staff-complaint__action staff-complaint__action--${spec.action}`}
                    onClick={() => {
                      setValue('');
                      setOpen(spec);
                    }}
                  >
                    {spec.label}
                  </Button>
                ))}
                {complaintActions(c, staff).length === 0 && <Text className="ow-actions--none">当前状态无需您处理</Text>}
              </View>
            </Section>
            <Section title="办理记录">
              {c.events?.map((e, i) => (
                <View key={i} className="ow-kv">
                  <Text className="ow-kv__key">{e.name}</Text>
                  <Text className="ow-kv__value">
                    {dateTimeLabel(e.at)}
                    {e.by.name ? ` · ${e.by.name}` : ''}
                    {e.department ? ` · ${e.department}` : ''}
                    {e.note ? `：${e.note}` : ''}
                  </Text>
                </View>
              ))}
            </Section>
            <Dialog visible={Boolean(open)} title={open?.label} confirmText="确定" cancelText="取消" onConfirm={act} onCancel={() => setOpen(undefined)}>
              {open && (
                <View className="ow-actions__field">
                  <Text className="ow-actions__label">{open.fieldLabel}</Text>
                  {open.field === 'department' ? (
                    <Input value={value} placeholder="如：准格尔旗市场监督管理局" onChange={(v: string) => setValue(v)} className="staff-complaint__input" />
                  ) : (
                    <TextArea value={value} maxLength={2000} placeholder={open.fieldLabel} onChange={(v: string) => setValue(v)} className="staff-complaint__input" />
                  )}
                </View>
              )}
            </Dialog>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}

/** One application for staff: facts, materials, timeline with who acted, and the flow's actions. */
import { Text, View } from '@tarojs/components';
import { ApplicationActions } from '../../../components/application-actions';
import { isClosedState } from '../../../components/application-card';
import { ApplicationTimeline } from '../../../components/application-timeline';
import { AsyncView } from '../../../components/async-view';
import { LightBadge } from '../../../components/light-badge';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { applyTransition, fetchStaffApplication, type TransitionInput } from '../../../services/staff-applications';
import { useSession } from '../../../store/session';
import { toast } from '../../../utils/feedback';
import { fileSizeLabel } from '../../../utils/format';
import { StaffNav } from '../staff-nav';
import '../staff.scss';

export default function StaffApplicationPage() {
  const signedIn = useRequireLogin('staff');
  const { staff } = useSession();
  const { number = '' } = usePageParams();
  const { data: app, error, loading, reload, setData } = useAsync(() => fetchStaffApplication(number), [number], { skip: !signedIn });

  const act = async (input: TransitionInput) => {
    const updated = await applyTransition(number, input);
    setData(updated);
    toast(`已${updated.timeline[updated.timeline.length - 1]?.actionName ?? '处理'}`, 'success');
  };

  if (!signedIn) return <PageShell />;
  return (
    <PageShell className="staff-application">
      <StaffNav current="staffApplication" />
      <AsyncView loading={loading} error={error} onRetry={reload} rows={8}>
        {app && (
          <>
            <Section title={app.guideName}>
              <View className="ow-kv">
                <Text className="ow-kv__key">办件编号</Text>
                <Text className="ow-kv__value">{app.number}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">当前状态</Text>
                <Text className="ow-kv__value staff-application__state">{app.stateName}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">申请人</Text>
                <Text className="ow-kv__value">
                  {app.applicant.name} {app.applicant.phone}
                </Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">办件类型</Text>
                <Text className="ow-kv__value">
                  {app.caseType === 'immediate' ? '即办件' : `承诺件（${app.promisedDays}个工作日）`}
                </Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">办理部门</Text>
                <Text className="ow-kv__value">{app.department}</Text>
              </View>
              {app.assignee && (
                <View className="ow-kv">
                  <Text className="ow-kv__key">经办人</Text>
                  <Text className="ow-kv__value">{app.assignee.name}</Text>
                </View>
              )}
              <LightBadge light={app.light} promisedDate={app.promisedDate} closed={isClosedState(app.state)} withHint />
              {app.extensionRequest && (
                <Text className="staff-application__warn">
                  延期申请：{app.extensionRequest.days}个工作日，{app.extensionRequest.reason}（{app.extensionRequest.by}）
                </Text>
              )}
              {app.escalatedAt && <Text className="staff-application__warn">已超期，效能监察督办中</Text>}
            </Section>
            <Section title="办理操作">
              {staff && <ApplicationActions application={app} staff={staff} onAct={act} />}
            </Section>
            {app.materials.length > 0 && (
              <Section title="申请材料">
                {app.materials.map((m) => (
                  <View key={m.index} className="ow-kv">
                    <Text className="ow-kv__key">{m.required ? '必需' : '选交'}</Text>
                    <Text className="ow-kv__value">
                      {m.name}
                      {m.files.length ? `（已传${m.files.length}个：${m.files.map((f) => fileSizeLabel(f.size)).join('、')}）` : '（未上传）'}
                    </Text>
                  </View>
                ))}
              </Section>
            )}
            <Section title="办理过程">
              <ApplicationTimeline entries={app.timeline} showActor />
            </Section>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}

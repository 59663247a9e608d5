/** Supervision dashboard: open cases by light, on-time rate, departments and windows, the overdue list. */
import { Text, View } from '@tarojs/components';
import { ApplicationCard } from '../../../components/application-card';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { fetchSupervision } from '../../../services/staff-applications';
import { go } from '../../../utils/navigation';
import { StaffNav } from '../staff-nav';
import '../staff.scss';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export default function Supervision() {
  const signedIn = useRequireLogin('staff');
  const { data, error, loading, reload } = useAsync(fetchSupervision, [], { skip: !signedIn });
  if (!signedIn) return <PageShell />;
  return (
    <PageShell className="supervision">
      <StaffNav current="staffSupervision" />
      <AsyncView loading={loading} error={error} onRetry={reload} rows={8}>
        {data && (
          <>
            <Section title={`在办 ${data.open} 件`} extra={<Text className="supervision__asof">截至 {data.asOf}</Text>}>
              <View className="staff-stats">
                <View className="staff-stats__item staff-stats__item--red">
                  <Text className="staff-stats__value">{data.byLight.red}</Text>
                  <Text className="staff-stats__label">红灯（超期）</Text>
                </View>
                <View className="staff-stats__item staff-stats__item--yellow">
                  <Text className="staff-stats__value">{data.byLight.yellow}</Text>
                  <Text className="staff-stats__label">黄灯（临期）</Text>
                </View>
                <View className="staff-stats__item staff-stats__item--green">
                  <Text className="staff-stats__value">{data.byLight.green}</Text>
                  <Text className="staff-stats__label">绿灯（正常）</Text>
                </View>
                <View className="staff-stats__item">
                  <Text className="staff-stats__value">{data.byLight.notStarted}</Text>
                  <Text className="staff-stats__label">待受理</Text>
                </View>
              </View>
            </Section>
            <Section title="办结情况">
              <View className="staff-stats">
                <View className="staff-stats__item">
                  <Text className="staff-stats__value">{data.completed}</Text>
                  <Text className="staff-stats__label">已办结</Text>
                </View>
                <View className="staff-stats__item">
                  <Text className="staff-stats__value">{percent(data.onTimeRate)}</Text>
                  <Text className="staff-stats__label">按时办结率</Text>
                </View>
                <View className="staff-stats__item">
                  <Text className="staff-stats__value">{data.averageWorkingDays ?? '—'}</Text>
                  <Text className="staff-stats__label">平均用时（工作日）</Text>
                </View>
              </View>
            </Section>
            <Section title="按部门">
              <View className="staff-table">
                <View className="staff-table__row staff-table__head">
                  <Text className="staff-table__name">部门</Text>
                  <Text className="staff-table__num">在办</Text>
                  <Text className="staff-table__num">黄灯</Text>
                  <Text className="staff-table__num">红灯</Text>
                </View>
                {data.byDepartment.map((row) => (
                  <View key={row.department} className="staff-table__row">
                    <Text className="staff-table__name">{row.department}</Text>
                    <Text className="staff-table__num">{row.open}</Text>
                    <Text className="staff-table__num">{row.yellow}</Text>
                    <Text className="staff-table__num">{row.red}</Text>
                  </View>
                ))}
                {data.byDepartment.length === 0 && <Text className="supervision__none">暂无在办办件</Text>}
              </View>
            </Section>
            <Section title="超期办件">
              {data.overdue.length === 0 && <Text className="supervision__none">没有超期办件</Text>}
              {data.overdue.map((a) => (
                <ApplicationCard key={a.number} application={a} onClick={() => go('staffApplication', { number: a.number })} />
              ))}
            </Section>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}

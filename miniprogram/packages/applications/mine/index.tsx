/** The resident's applications, newest first, each with its state and light. */
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ApplicationCard } from '../../../components/application-card';
import { AsyncView } from '../../../components/async-view';
import { PageShell } from '../../../components/page-shell';
import { useAsync } from '../../../hooks/use-async';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { listMyApplications } from '../../../services/applications';
import { go } from '../../../utils/navigation';

export default function MyApplications() {
  const signedIn = useRequireLogin('resident');
  const { data, error, loading, reload } = useAsync(listMyApplications, [], { skip: !signedIn });
  useDidShow(() => {
    if (signedIn && data) reload();
  });
  return (
    <PageShell className="my-applications">
      <View className="ow-list my-applications__list">
        <AsyncView
          loading={loading}
          error={error}
          onRetry={reload}
          empty={!data?.length}
          emptyText="您还没有办件。可在办事指南中选择事项网上申报"
          emptyAction={
            <Button type="primary" onClick={() => go('guideSearch', { online: true })}>
              去网上申报
            </Button>
          }
        >
          {data?.map((a) => (
            <ApplicationCard key={a.number} application={a} onClick={() => go('applicationDetail', { number: a.number })} />
          ))}
        </AsyncView>
      </View>
    </PageShell>
  );
}

/** One of the resident's applications: status, light and promised date, decision, materials and the timeline. */
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApplicationTimeline } from '../../../components/application-timeline';
import { isClosedState } from '../../../components/application-card';
import { AsyncView } from '../../../components/async-view';
import { LightBadge } from '../../../components/light-badge';
import { MaterialUploads } from '../../../components/material-uploads';
import { PageShell } from '../../../components/page-shell';
import { RatingForm } from '../../../components/rating-form';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { usePageParams } from '../../../hooks/use-page-params';
import { useRequireLogin } from '../../../hooks/use-require-login';
import { getMyApplication, UPLOAD_STATES, uploadMaterial, type ApplicationState } from '../../../services/applications';
import { submitRating } from '../../../services/ratings';

/** Cases the applicant may rate once (一事一评): finished, or decided against. */
const RATEABLE: ApplicationState[] = ['completed', 'rejected', 'not_accepted'];

export default function ApplicationDetail() {
  const signedIn = useRequireLogin('resident');
  const { number = '' } = usePageParams();
  const { data: app, error, loading, reload, setData } = useAsync(() => getMyApplication(number), [number], { skip: !signedIn });
  useDidShow(() => {
    if (app) reload();
  });
  const uploadsOpen = Boolean(app && UPLOAD_STATES.includes(app.state));

  return (
    <PageShell className="application-detail">
      <AsyncView loading={loading} error={error} onRetry={reload} rows={8}>
        {app && (
          <>
            <View className="ow-page-header">
              <Text className="ow-page-header__title">{app.guideName}</Text>
              <Text className="ow-page-header__sub">办件编号 {app.number}</Text>
            </View>
            <Section title="办理状态">
              <View className="ow-kv">
                <Text className="ow-kv__key">当前状态</Text>
                <Text className="ow-kv__value application-detail__state">{app.stateName}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">办理部门</Text>
                <Text className="ow-kv__value">{app.department}</Text>
              </View>
              <View className="ow-kv">
                <Text className="ow-kv__key">申请人</Text>
                <Text className="ow-kv__value">
                  {app.applicant.name} {app.applicant.phone}
                </Text>
              </View>
              {app.acceptedOn && (
                <View className="ow-kv">
                  <Text className="ow-kv__key">受理日期</Text>
                  <Text className="ow-kv__value">{app.acceptedOn}</Text>
                </View>
              )}
              <LightBadge light={app.light} promisedDate={app.promisedDate} closed={isClosedState(app.state)} withHint />
              {app.decision?.reason && <Text className="application-detail__reason">理由：{app.decision.reason}</Text>}
              {app.result && <Text className="application-detail__pickup">领取方式：{app.result.pickup}</Text>}
            </Section>
            {app.materials.length > 0 && (
              <Section title="申请材料" extra={uploadsOpen ? <Text className="application-detail__hint">可上传照片</Text> : undefined}>
                <MaterialUploads
                  materials={app.materials}
                  open={uploadsOpen}
                  upload={(index, file) => uploadMaterial(app.number, index, file)}
                  onUploaded={setData}
                />
              </Section>
            )}
            {RATEABLE.includes(app.state) && (
              <Section title="评价本次办理">
                <RatingForm onSubmit={(level, comment) => submitRating({ caseType: 'application', caseId: app.number, level, comment: comment || undefined })} />
              </Section>
            )}
            <Section title="办理过程">
              <ApplicationTimeline entries={app.timeline} />
            </Section>
          </>
        )}
      </AsyncView>
    </PageShell>
  );
}

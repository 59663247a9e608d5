/**
 * Pages that need a signed-in resident or staff member: without one, the visitor is sent to the
 * right login page, which comes back here afterwards.
 */
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { useSession, type SessionRole } from '../store/session';
import { pageUrl } from '../utils/navigation';
import { useCurrentUrl } from './use-page-params';

export function useRequireLogin(role: SessionRole): boolean {
  const session = useSession();
  const here = useCurrentUrl();
  const signedIn = session.role === role;
  useEffect(() => {
    if (signedIn) return;
    void Taro.redirectTo({ url: pageUrl(role === 'staff' ? 'staffLogin' : 'login', { redirect: here }) });
  }, [signedIn, role, here]);
  return signedIn;
}

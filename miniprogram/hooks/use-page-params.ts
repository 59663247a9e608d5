/** The page's query parameters, decoded (H5 hands them over still encoded). */
import { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';

export function decodeParams(params: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || key.startsWith('$')) continue;
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      out[key] = value;
    }
  }
  return out;
}

export function usePageParams(): Record<string, string> {
  const router = useRouter();
  return useMemo(() => decodeParams(router.params), [router.params]);
}

/** This page's own address with its query, to come back to after a login. */
export function useCurrentUrl(): string {
  const router = useRouter();
  const params = decodeParams(router.params);
  const path = (router.path || '').split('?')[0] || '/';
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${path.startsWith('/') ? path : `/${path}`}?${query}` : path.startsWith('/') ? path : `/${path}`;
}

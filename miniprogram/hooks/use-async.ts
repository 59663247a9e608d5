/**
 * Loads data for a page or component and tracks the three states every screen must show:
 * loading, error (with the gateway's message and a retry) and the data itself.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

export function useAsync<T>(load: () => Promise<T>, deps: DependencyList, options: { skip?: boolean } = {}): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(!options.skip);
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return;
    }
    const run = ++latest.current;
    setLoading(true);
    setError(undefined);
    load()
      .then((value) => {
        if (run === latest.current) setData(value);
      })
      .catch((err: unknown) => {
        if (run === latest.current) setError(err);
      })
      .finally(() => {
        if (run === latest.current) setLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round, options.skip]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload, setData };
}

import { useEffect, useState } from 'preact/hooks';
import { getJson, SignInNeeded } from './api.js';

/** A request's state in a component. */
export interface Fetched<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/**
 * Fetches `url` (again whenever it changes); undefined skips. With `refreshMs`, fetches it again
 * that often, keeping what is shown until the answer comes (a live view: the server answers 304
 * until a table it reads has a new Delta version).
 *
 * @example
 * const { data } = useFetch<QueryBody>(apiUrl('/api/query', { measure: ['avg_los'] }));
 */
export function useFetch<T>(url: string | undefined, onSignIn: () => void, refreshMs?: number): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    if (url === undefined) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const load = () =>
      getJson<T>(url).then(
        (data) => live && setState({ data, error: undefined, loading: false }),
        (e: Error) => {
          if (!live) return;
          if (e instanceof SignInNeeded) onSignIn();
          setState({ data: undefined, error: e.message, loading: false });
        },
      );
    void load();
    const timer = refreshMs === undefined ? undefined : setInterval(load, refreshMs);
    return () => {
      live = false;
      if (timer !== undefined) clearInterval(timer);
    };
  }, [url, refreshMs]);
  return state;
}

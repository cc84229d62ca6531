import { useEffect, useState } from 'preact/hooks';
import { getJson, SignInNeeded } from './api.js';

/** A request's state in a component. */
export interface Fetched<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/**
 * Fetches `url` (again whenever it changes); undefined skips.
 *
 * @example
 * const { data } = useFetch<QueryBody>(apiUrl('/api/query', { measure: ['avg_los'] }));
 */
export function useFetch<T>(url: string | undefined, onSignIn: () => void): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    if (url === undefined) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    getJson<T>(url).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (e: Error) => {
        if (!live) return;
        if (e instanceof SignInNeeded) onSignIn();
        setState({ data: undefined, error: e.message, loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [url]);
  return state;
}

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MeasureMeta } from './api.js';
import type { ViewState } from './url-state.js';

/** What every visual on a page shares: the URL state, how to change it, the measure catalog. */
export interface PageContextValue {
  state: ViewState;
  /** Merges a change into the URL state (undefined removes a key) and pushes a history entry. */
  update: (patch: Record<string, string | undefined>) => void;
  measures: Record<string, MeasureMeta>;
  onSignIn: () => void;
}

export const PageContext = createContext<PageContextValue>({
  state: {},
  update: () => undefined,
  measures: {},
  onSignIn: () => undefined,
});

/** The page context. @example const { state } = usePage(); */
export function usePage(): PageContextValue {
  return useContext(PageContext);
}

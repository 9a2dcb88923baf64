import { useSyncExternalStore } from 'react';

export type Route = { name: 'list' } | { name: 'chart'; id: string };

/** `#/chart/<id>` opens a chart; anything else is the chart list. */
export function parseRoute(hash: string): Route {
  const match = /^#\/chart\/([\w.:-]{1,128})$/.exec(hash);
  return match?.[1] ? { name: 'chart', id: match[1] } : { name: 'list' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const go = (route: Route) => {
    window.location.hash = route.name === 'chart' ? `/chart/${route.id}` : '/';
  };
  return [parseRoute(hash), go];
}

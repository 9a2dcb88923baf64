import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the app's service worker (workbox-window) and, when a new version is waiting,
 * asks before reloading: a crew in the middle of a chart decides when to update.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  if (!needRefresh && !offlineReady) return null;
  return (
    <div role="status" className="fs-update-prompt">
      {needRefresh ? (
        <>
          <span>A new version is ready. Your saved work is kept.</span>
          <button type="button" onClick={() => void updateServiceWorker(true)}>
            Update now
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </>
      ) : (
        <>
          <span>Ready to work offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </>
      )}
    </div>
  );
}

import { AppShell, describeError, SessionManager } from '@field/kit';
import { canReviewSyncIssues } from '@field/shared-model';
import { QueryClientProvider } from '@tanstack/react-query';
import { createStore } from 'idb-keyval';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import './console.css';
import { createConsoleQueryClient } from './query-client';
import { SignInScreen, SupervisorsOnlyScreen } from './screens/sign-in-screen';
import { useReviewSnapshot } from './use-review-snapshot';
import { Workspace } from './workspace';

function useSession(manager: SessionManager | undefined) {
  return useSyncExternalStore(
    (listener) => manager?.subscribe(listener) ?? (() => undefined),
    () => manager?.session,
  );
}

/**
 * Console: supervisors sign in and review what sync could not settle on its own. The session is
 * kept in its own IndexedDB store so that signing out here never signs a crew out of CrewLink
 * running on the same origin.
 */
export function App() {
  const queryClient = useMemo(() => createConsoleQueryClient(), []);
  const [manager, setManager] = useState<SessionManager>();
  const [error, setError] = useState<string>();
  const session = useSession(manager);
  const snapshot = useReviewSnapshot(queryClient, session !== undefined);

  useEffect(() => {
    SessionManager.load({ store: createStore('field-console-session', 'session') }).then(setManager,
      (e: unknown) => setError(`Cannot read this browser's storage: ${describeError(e)}`));
  }, []);

  const signOut = async () => {
    try {
      await manager?.logout();
      queryClient.clear();
    } catch (e) {
      setError(`Sign-out did not finish: ${describeError(e)}`);
    }
  };

  let body;
  if (error) body = <p role="alert">{error}</p>;
  else if (!manager) body = <p>Starting…</p>;
  else if (!session) body = <SignInScreen session={manager} />;
  else if (!canReviewSyncIssues(session.user)) {
    body = <SupervisorsOnlyScreen displayName={session.user.displayName} roles={session.user.roles} onSignOut={() => void signOut()} />;
  } else body = <Workspace session={manager} displayName={session.user.displayName} onSignOut={() => void signOut()} />;

  return (
    <QueryClientProvider client={queryClient}>
      <AppShell appName="Console" sync={snapshot}>
        {body}
      </AppShell>
    </QueryClientProvider>
  );
}

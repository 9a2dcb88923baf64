import {
  AppShell, describeError, FieldClient, SessionManager, SyncStatusStore, useIdleLock, useSyncSnapshot,
} from '@field/kit';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import './app.css';
import { Workspace } from './workspace';
import { SignInScreen } from './screens/sign-in-screen';
import { LockScreen } from './screens/pin-screens';

const idleLockMinutes = 10;

function useSession(manager: SessionManager | undefined) {
  return useSyncExternalStore(
    (listener) => manager?.subscribe(listener) ?? (() => undefined),
    () => manager?.session,
  );
}

/** CrewLink: sign in once, then charts on the device, synced whenever there is a network. */
export function App() {
  const status = useMemo(() => new SyncStatusStore(), []);
  const snapshot = useSyncSnapshot(status);
  const [manager, setManager] = useState<SessionManager>();
  const [client, setClient] = useState<FieldClient>();
  const [error, setError] = useState<string>();
  const session = useSession(manager);
  const userKey = session ? `${session.user.agencyId}/${session.user.id}` : undefined;
  const idle = useIdleLock(session?.pin !== undefined, idleLockMinutes);
  // A shared tablet opened with a PIN-protected session starts locked.
  const [lockedAtStart, setLockedAtStart] = useState(false);
  const locked = lockedAtStart || idle.locked;
  const unlock = () => {
    setLockedAtStart(false);
    idle.unlock();
  };

  useEffect(() => {
    SessionManager.load().then((m) => {
      setLockedAtStart(m.session?.pin !== undefined);
      setManager(m);
    }, (e: unknown) => setError(`Cannot read this device's storage: ${describeError(e)}`));
  }, []);

  useEffect(() => {
    if (!manager || !userKey) return;
    let cancelled = false;
    // The client keeps running across re-renders; only sign-out stops it (and wipes the data).
    FieldClient.start({ appId: 'crewlink', session: manager, collections: ['epcrs', 'incidents'], status }).then((c) => {
      if (!cancelled) setClient(c);
    }, (e: unknown) => setError(`Cannot open the charts on this device: ${describeError(e)}`));
    return () => {
      cancelled = true;
    };
  }, [manager, userKey, status]);

  const signOut = async () => {
    if (!manager) return;
    try {
      await client?.wipe();
      await manager.logout();
      setClient(undefined);
    } catch (e) {
      setError(`Sign-out did not finish: ${describeError(e)}`);
    }
  };

  let body;
  if (error) body = <p role="alert">{error}</p>;
  else if (!manager) body = <p>Starting…</p>;
  else if (!session) body = <SignInScreen session={manager} />;
  else if (locked) body = <LockScreen session={manager} onUnlock={unlock} onSignOut={() => void signOut()} />;
  else if (!client) body = <p>Opening charts…</p>;
  else body = <Workspace client={client} session={manager} onSignOut={() => void signOut()} />;

  return (
    <AppShell appName="CrewLink" sync={snapshot}>
      {body}
    </AppShell>
  );
}

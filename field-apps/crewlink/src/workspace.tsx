import { describeError, useOutboxEntries, type FieldClient, type SessionManager } from '@field/kit';
import { useState } from 'react';
import { makeNewChart } from './charts/new-chart';
import { ChartEditorScreen } from './screens/chart-editor-screen';
import { ChartListScreen } from './screens/chart-list-screen';
import { PinSetup } from './screens/pin-screens';
import { useHashRoute } from './use-hash-route';

export interface WorkspaceProps {
  client: FieldClient;
  session: SessionManager;
  onSignOut: () => void;
}

/** The signed-in app: user bar, chart list or chart editor. */
export function Workspace({ client, session, onSignOut }: WorkspaceProps) {
  const [route, go] = useHashRoute();
  const [pinOpen, setPinOpen] = useState(false);
  const [error, setError] = useState<string>();
  const outbox = useOutboxEntries(client.ledger);
  const user = session.session?.user;
  if (!user) return null;
  const queued = Object.keys(outbox).length;
  const newChart = async () => {
    try {
      const chart = makeNewChart({ user, now: new Date() });
      await client.insertDocument('epcrs', chart as never);
      go({ name: 'chart', id: chart.id });
    } catch (e) {
      setError(describeError(e));
    }
  };
  const confirmSignOut = () => {
    const warning = queued > 0
      ? `${queued} chart change(s) have not reached the server yet and will be lost. Sign out anyway?`
      : 'Sign out and remove your charts from this tablet?';
    if (window.confirm(warning)) onSignOut();
  };
  return (
    <div className="cl-workspace">
      <div className="cl-user-bar">
        <span>{user.displayName}{user.unitId ? ` · Unit ${user.unitId}` : ''}</span>
        <button type="button" onClick={() => setPinOpen((v) => !v)}>{session.session?.pin ? 'Change PIN' : 'Set unlock PIN'}</button>
        <button type="button" onClick={confirmSignOut}>Sign out</button>
      </div>
      {pinOpen ? <PinSetup session={session} onDone={() => setPinOpen(false)} /> : null}
      {error ? <p role="alert">{error}</p> : null}
      {route.name === 'chart' ? (
        <ChartEditorScreen key={route.id} client={client} id={route.id} onBack={() => go({ name: 'list' })} />
      ) : (
        <ChartListScreen client={client} user={user} onOpen={(id) => go({ name: 'chart', id })} onNewChart={() => void newChart()} />
      )}
    </div>
  );
}

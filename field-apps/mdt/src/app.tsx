import { AppShell } from '@field/kit';

export function App() {
  return (
    <AppShell appName="MDT" sync={{ queued: 0, signedIn: false }}>
      <p>Dispatch, units, hydrants, inspections and pre-plans for the mobile data terminal.</p>
    </AppShell>
  );
}

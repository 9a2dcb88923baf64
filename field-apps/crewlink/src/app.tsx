import { AppShell } from '@field/kit';

export function App() {
  return (
    <AppShell appName="CrewLink" sync={{ queued: 0, signedIn: false }}>
      <p>Patient care reports and flight logs for EMS and flight crews, offline first.</p>
    </AppShell>
  );
}

import { AppShell } from '@field/kit';

export function App() {
  return (
    <AppShell appName="Patient Portal" sync={{ queued: 0, signedIn: false }}>
      <p>Statements, secure messages and record requests for patients and families.</p>
    </AppShell>
  );
}

import { AppShell } from '@field/kit';

export function App() {
  return (
    <AppShell appName="Console" sync={{ queued: 0, signedIn: false }}>
      <p>QA review, conflicts, exports and sync health for supervisors.</p>
    </AppShell>
  );
}

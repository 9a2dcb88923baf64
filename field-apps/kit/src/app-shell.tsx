import type { ReactNode } from 'react';
import { SyncIndicator, type SyncSnapshot } from './sync-indicator';
import { UpdatePrompt } from './update-prompt';

export interface AppShellProps {
  appName: string;
  sync: SyncSnapshot;
  children?: ReactNode;
}

/** The frame every field app shares: its name, the sync-status area and the update prompt. */
export function AppShell({ appName, sync, children }: AppShellProps) {
  return (
    <div className="fs-shell">
      <header className="fs-header">
        <h1>{appName}</h1>
        <SyncIndicator snapshot={sync} />
      </header>
      <UpdatePrompt />
      <main className="fs-main">{children}</main>
    </div>
  );
}

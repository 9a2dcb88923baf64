import type { SessionManager } from '@field/kit';
import { useState, type KeyboardEvent } from 'react';
import { ConflictsScreen } from './screens/conflicts-screen';
import { RefusedScreen } from './screens/refused-screen';

const tabs = [
  { id: 'conflicts', label: 'Conflicts' },
  { id: 'refused', label: 'Refused' },
] as const;
type TabId = (typeof tabs)[number]['id'];

export interface WorkspaceProps {
  session: SessionManager;
  displayName: string;
  onSignOut: () => void;
}

/** The signed-in Console: review queues as tabs (arrow keys move between them) and sign-out. */
export function Workspace({ session, displayName, onSignOut }: WorkspaceProps) {
  const [current, setCurrent] = useState<TabId>('conflicts');
  const moveFocus = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.id === current);
    const next = tabs[(index + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    e.preventDefault();
    setCurrent(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  let panel;
  switch (current) {
    case 'conflicts': panel = <ConflictsScreen session={session} />; break;
    case 'refused': panel = <RefusedScreen session={session} />; break;
  }
  return (
    <div className="cs-workspace">
      <div className="cs-row cs-row-spread">
        <div role="tablist" aria-label="Review queues" className="cs-row" onKeyDown={moveFocus}>
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={current === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={current === t.id ? 0 : -1}
              onClick={() => setCurrent(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="cs-row">
          <span>Signed in as {displayName}</span>
          <button type="button" onClick={onSignOut}>Sign out</button>
        </div>
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
        {panel}
      </div>
    </div>
  );
}

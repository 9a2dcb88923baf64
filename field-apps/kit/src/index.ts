import './shell.css';

export { AppShell, type AppShellProps } from './app-shell';
export { SyncIndicator, describeSync, type SyncSnapshot, type SyncIndicatorProps } from './sync-indicator';
export { UpdatePrompt } from './update-prompt';
export { useOnline } from './use-online';

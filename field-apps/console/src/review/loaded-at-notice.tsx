import { useOnline } from '@field/kit';
import { formatTime } from './describe-conflict';

export interface LoadedAtNoticeProps {
  /** Epoch ms of the last successful load (react-query's dataUpdatedAt); 0 = never. */
  dataUpdatedAt: number;
  error: unknown;
  isFetching: boolean;
}

/** Tells the supervisor how fresh the list is when the network is gone or the last refresh failed. */
export function LoadedAtNotice({ dataUpdatedAt, error, isFetching }: LoadedAtNoticeProps) {
  const online = useOnline();
  const loadedAt = dataUpdatedAt > 0 ? formatTime(new Date(dataUpdatedAt).toISOString()) : undefined;
  if (!online) {
    return (
      <p className="cs-notice" role="status">
        {loadedAt ? `Offline — last loaded at ${loadedAt}` : 'Offline — this list has not been loaded yet; it loads when the network returns'}
      </p>
    );
  }
  if (error && !isFetching) {
    return (
      <p className="cs-notice" role="status">
        {loadedAt ? `Could not refresh — showing what was last loaded at ${loadedAt}` : 'Could not load this list'}
      </p>
    );
  }
  return null;
}

import { describeError, useOnline, type SessionManager } from '@field/kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeConflictSides, formatTime } from '../review/describe-conflict';
import { LoadedAtNotice } from '../review/loaded-at-notice';
import { fetchOpenConflicts, resolveConflict, reviewQueryKeys, type ConflictRecord } from '../review/review-api';

export interface ConflictsScreenProps {
  session: SessionManager;
}

/** Values that lost a same-field conflict, newest first, each to be marked reviewed by a supervisor. */
export function ConflictsScreen({ session }: ConflictsScreenProps) {
  const query = useQuery({
    queryKey: reviewQueryKeys.openConflicts,
    queryFn: ({ signal }) => fetchOpenConflicts(session, signal),
  });
  const conflicts = query.data;
  return (
    <section className="cs-screen" aria-labelledby="conflicts-heading">
      <div className="cs-row cs-row-spread">
        <h2 id="conflicts-heading">Open conflicts</h2>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      <p className="cs-muted">
        Two devices changed the same field; the later edit was kept. Check the value that lost, then mark the conflict reviewed.
      </p>
      <LoadedAtNotice dataUpdatedAt={query.dataUpdatedAt} error={query.error} isFetching={query.isFetching} />
      {query.error && !conflicts ? <p role="alert">{describeError(query.error)}</p> : null}
      {conflicts === undefined ? (query.isPending && query.fetchStatus === 'fetching' ? <p>Loading conflicts…</p> : null)
        : conflicts.length === 0 ? <p>No open conflicts.</p>
          : (
            <ul className="cs-list" aria-label="Open conflicts">
              {conflicts.map((c) => <ConflictItem key={c.id} conflict={c} session={session} />)}
            </ul>
          )}
    </section>
  );
}

function ConflictItem({ conflict, session }: { conflict: ConflictRecord; session: SessionManager }) {
  const queryClient = useQueryClient();
  const online = useOnline();
  const resolve = useMutation({
    mutationFn: () => resolveConflict(session, conflict.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewQueryKeys.openConflicts }),
  });
  const headingId = `conflict-${conflict.id}`;
  return (
    <li className="cs-card" aria-labelledby={headingId}>
      <h3 id={headingId}>Chart {conflict.documentId}</h3>
      <p className="cs-muted">
        {conflict.collection} · pushed by {conflict.userId} · recorded {formatTime(conflict.createdAt)}
      </p>
      {conflict.detail.map((field) => {
        const sides = describeConflictSides(field);
        return (
          <dl className="cs-conflict-field" key={field.path} aria-label={`Field ${field.path}`}>
            <dt>Field</dt>
            <dd><code>{field.path}</code>{field.reason === 'locked' ? ' (record locked)' : ''}</dd>
            <dt>Kept ({sides.keptSide})</dt>
            <dd data-testid="kept-value">{sides.keptValue} <span className="cs-muted">edited {formatTime(sides.keptEditedAt)}</span></dd>
            <dt>Lost ({sides.lostSide})</dt>
            <dd data-testid="lost-value">{sides.lostValue} <span className="cs-muted">edited {formatTime(sides.lostEditedAt)}</span></dd>
          </dl>
        );
      })}
      <div className="cs-row">
        <button
          type="button"
          className="cs-primary"
          onClick={() => resolve.mutate()}
          disabled={resolve.isPending || !online}
          aria-describedby={headingId}
        >
          {resolve.isPending ? 'Marking…' : 'Mark reviewed'}
        </button>
        {!online ? <span className="cs-muted">Marking reviewed needs the network.</span> : null}
      </div>
      {resolve.error ? <p role="alert">{describeError(resolve.error)}</p> : null}
    </li>
  );
}

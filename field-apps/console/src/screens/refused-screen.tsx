import { describeError, type SessionManager } from '@field/kit';
import { useQuery } from '@tanstack/react-query';
import { formatTime } from '../review/describe-conflict';
import { LoadedAtNotice } from '../review/loaded-at-notice';
import { fetchRefusedDocuments, reviewQueryKeys } from '../review/review-api';

export interface RefusedScreenProps {
  session: SessionManager;
}

/** Documents the server refused (schema, rights, locked record…), kept so a supervisor can follow up. */
export function RefusedScreen({ session }: RefusedScreenProps) {
  const query = useQuery({
    queryKey: reviewQueryKeys.refusedDocuments,
    queryFn: ({ signal }) => fetchRefusedDocuments(session, signal),
  });
  const rows = query.data;
  return (
    <section className="cs-screen" aria-labelledby="refused-heading">
      <div className="cs-row cs-row-spread">
        <h2 id="refused-heading">Refused documents</h2>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      <LoadedAtNotice dataUpdatedAt={query.dataUpdatedAt} error={query.error} isFetching={query.isFetching} />
      {query.error && !rows ? <p role="alert">{describeError(query.error)}</p> : null}
      {rows === undefined ? (query.isPending && query.fetchStatus === 'fetching' ? <p>Loading refused documents…</p> : null)
        : rows.length === 0 ? <p>No refused documents.</p>
          : (
            <table className="cs-table">
              <caption className="cs-visually-hidden">Refused documents, newest first</caption>
              <thead>
                <tr><th scope="col">Document</th><th scope="col">Code</th><th scope="col">Reason</th><th scope="col">Pushed by</th><th scope="col">When</th></tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{r.collection} {r.documentId ?? '(no id)'}</td>
                    <td><code>{r.code}</code></td>
                    <td>{r.reason}</td>
                    <td>{r.userId}</td>
                    <td>{formatTime(r.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
    </section>
  );
}

/**
 * The server's checkpoint is an opaque string. RxDB merges checkpoints with Object.assign, which
 * shreds a bare string into `{0:'a',1:'b',…}`, so the client keeps it inside an object and sends
 * the string back exactly.
 */
export interface WrappedCheckpoint {
  cp: string;
}

/** The checkpoint to keep after a pull: the server's new one, or the previous one when it sent null. */
export function wrapCheckpoint(serverCheckpoint: string | null | undefined, previous?: WrappedCheckpoint): WrappedCheckpoint | undefined {
  if (typeof serverCheckpoint === 'string' && serverCheckpoint !== '') return { cp: serverCheckpoint };
  return previous && typeof previous.cp === 'string' ? { cp: previous.cp } : undefined;
}

/** The query string of a pull request (`limit=…&checkpoint=…`, checkpoint absent from the start). */
export function buildPullQuery(checkpoint: WrappedCheckpoint | undefined | null, limit: number): string {
  const params = new URLSearchParams({ limit: String(Math.max(1, Math.floor(limit) || 1)) });
  if (checkpoint && typeof checkpoint.cp === 'string' && checkpoint.cp !== '') params.set('checkpoint', checkpoint.cp);
  return params.toString();
}

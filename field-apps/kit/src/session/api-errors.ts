/** An error answer of the sync server (`{error:{code, message}}`), with its HTTP status. */
export class FieldApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'FieldApiError';
  }
}

/** 426: the server's schema moved on; only an app update fixes it. */
export class AppOutdatedError extends FieldApiError {
  constructor(message: string) {
    super(426, 'upgrade_required', message);
    this.name = 'AppOutdatedError';
  }
}

/** The request never reached the server (no network, server down). */
export class NetworkUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('No connection to the server', { cause });
    this.name = 'NetworkUnavailableError';
  }
}

/** The session cannot be renewed (refresh token expired or revoked): sign in again. */
export class SessionExpiredError extends FieldApiError {
  constructor(message = 'Your session has ended: sign in again to send your changes') {
    super(401, 'unauthorized', message);
    this.name = 'SessionExpiredError';
  }
}

/** What a status means for the crew, when the answer carries no message of the server's own (a proxy's page). */
function statusInWords(status: number): string {
  if (status === 502 || status === 503 || status === 504) {
    return 'The server is unavailable right now; changes stay on this device and are sent when it is back';
  }
  if (status >= 500) return 'The server ran into a problem; changes stay on this device and are sent again';
  if (status === 413) return 'The server refused the request as too large';
  return 'The server refused the request';
}

/** Turns a non-2xx response into a typed error. */
export async function readApiError(response: Response): Promise<FieldApiError> {
  let code = `http_${response.status}`;
  let message = statusInWords(response.status);
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON: keep the status text
  }
  if (response.status === 426) return new AppOutdatedError(message);
  return new FieldApiError(response.status, code, message);
}

/** Words for any sync or storage error, for a crew member. */
export function describeError(error: unknown): string {
  if (error instanceof AppOutdatedError) return 'This app is out of date — update the app to keep sending charts';
  if (error instanceof SessionExpiredError) return error.message;
  if (error instanceof NetworkUnavailableError) return 'No connection to the server; changes stay on this device';
  if (error instanceof FieldApiError) return `${error.message} (${error.status})`;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'This device is out of storage space: free space now, or new changes cannot be saved';
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

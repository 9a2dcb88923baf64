import type { AuthUser } from '@field/shared-model';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { FieldApiError, NetworkUnavailableError, SessionExpiredError, readApiError } from './api-errors';
import { hashPin, verifyPin, type PinHash } from './pin';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  accessExpiresAt: number;
  /** How long the access token was issued for (ms); absent in sessions stored by older versions. */
  accessLifetimeMs?: number;
  user: AuthUser;
  pin?: PinHash;
}

export interface LoginCredentials {
  agency: string;
  username: string;
  password: string;
}

export interface SessionManagerOptions {
  /** Origin of the sync server; '' = same origin. */
  baseUrl?: string;
  now?: () => number;
  store?: UseStore;
  /** Refresh this long before the access token expires. */
  refreshMarginMs?: number;
}

interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: AuthUser;
}

const sessionKey = 'session';

/**
 * The signed-in user on this device: tokens and user kept in IndexedDB (idb-keyval), so the app
 * opens offline with the cached session. Access tokens are renewed before they expire and after a
 * 401; renewals are single-flight because refresh tokens rotate and a re-used one signs out every
 * session of the login.
 */
export class SessionManager {
  private current: StoredSession | undefined;
  private refreshing: Promise<StoredSession> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly baseUrl: string;
  private readonly now: () => number;
  private readonly store: UseStore;
  private readonly marginMs: number;

  private constructor(options: SessionManagerOptions) {
    this.baseUrl = options.baseUrl ?? '';
    this.now = options.now ?? Date.now;
    this.store = options.store ?? createStore('field-session', 'session');
    this.marginMs = options.refreshMarginMs ?? 60_000;
  }

  static async load(options: SessionManagerOptions = {}): Promise<SessionManager> {
    const manager = new SessionManager(options);
    manager.current = await get<StoredSession>(sessionKey, manager.store);
    return manager;
  }

  get session(): StoredSession | undefined {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(credentials: LoginCredentials): Promise<StoredSession> {
    const answer = await this.postJson<TokenAnswer>('/api/v1/auth/login', credentials);
    return this.adopt(answer, undefined);
  }

  /** Forget the session on this device (the caller wipes the user's data). */
  async logout(): Promise<void> {
    await del(sessionKey, this.store);
    this.current = undefined;
    this.emit();
  }

  async setPin(pin: string): Promise<void> {
    if (!this.current) throw new Error('Sign in before setting a PIN');
    await this.save({ ...this.current, pin: await hashPin(pin) });
  }

  async checkPin(pin: string): Promise<boolean> {
    const stored = this.current?.pin;
    return stored ? verifyPin(pin, stored) : false;
  }

  /** A usable access token, renewed first when it is about to expire (and the network allows). */
  async getAccessToken(): Promise<string> {
    const session = this.current;
    if (!session) throw new SessionExpiredError('Not signed in');
    // Renew in the last minute, or the last quarter of a short-lived token (else every request would renew).
    const margin = Math.min(this.marginMs, (session.accessLifetimeMs ?? Number.POSITIVE_INFINITY) / 4);
    if (session.accessExpiresAt - this.now() > margin) return session.accessToken;
    try {
      return (await this.refresh()).accessToken;
    } catch (error) {
      if (error instanceof NetworkUnavailableError) return session.accessToken;
      throw error;
    }
  }

  /**
   * Renews the tokens once, however many callers ask at the same time, and one tab at a time: another
   * tab of this browser may already have spent the refresh token this page holds (presenting it again
   * would revoke the whole login), so the stored session is read first and adopted when it is newer.
   */
  refresh(): Promise<StoredSession> {
    this.refreshing ??= oneTabAtATime(async () => {
      const stored = await get<StoredSession>(sessionKey, this.store);
      if (stored && this.current && stored.user.id === this.current.user.id && stored.refreshToken !== this.current.refreshToken) {
        this.current = stored;
        this.emit();
        return stored;
      }
      const session = this.current;
      if (!session) throw new SessionExpiredError('Not signed in');
      try {
        const answer = await this.postJson<TokenAnswer>('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
        return await this.adopt(answer, session.pin);
      } catch (error) {
        if (error instanceof FieldApiError && error.status === 401) throw new SessionExpiredError();
        throw error;
      }
    }).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** An authorised request; renews the token and retries once on 401. Non-2xx answers throw typed errors. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    let response = await this.send(path, init, await this.getAccessToken());
    if (response.status === 401) {
      const renewed = await this.refresh();
      response = await this.send(path, init, renewed.accessToken);
    }
    if (!response.ok) throw await readApiError(response);
    return response;
  }

  private async send(path: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    try {
      return await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new NetworkUnavailableError(error);
    }
  }

  private async postJson<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkUnavailableError(error);
    }
    if (!response.ok) throw await readApiError(response);
    return (await response.json()) as T;
  }

  private async adopt(answer: TokenAnswer, pin: PinHash | undefined): Promise<StoredSession> {
    const session: StoredSession = {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      accessExpiresAt: this.now() + answer.expiresIn * 1000,
      accessLifetimeMs: answer.expiresIn * 1000,
      user: answer.user,
      ...(pin ? { pin } : {}),
    };
    await this.save(session);
    return session;
  }

  private async save(session: StoredSession): Promise<void> {
    await set(sessionKey, session, this.store);
    this.current = session;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Runs `task` under a browser-wide lock (Web Locks) so two tabs never renew the same refresh token. */
function oneTabAtATime<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  // The lock's promise resolves to the task's promise; `then` unwraps it for the type checker.
  return locks.request('field-session-refresh', task).then((result) => result);
}

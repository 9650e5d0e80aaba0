import type { Session } from '@chambers/contracts/auth';
import { isApiError } from './api-error';
import type { SessionStore } from './session-store';

/** Where an SPA keeps its session (in memory): read, replaced, watched. */
/** Runs `task` while no other tab of this origin holds the same lock. */
export type RenewalLock = <T>(task: () => Promise<T>) => Promise<T>;

export interface SessionRenewalOptions {
  store: SessionStore;
  /** `POST /api/v1/auth/refresh`: a new session from the refresh cookie. */
  refresh: () => Promise<Session>;
  /** Renew this long before the access token expires. Default 60 s. */
  marginSeconds?: number;
  /** After a scheduled renewal that could not reach the server, try again this much later. Default 15 s. */
  retrySeconds?: number;
  /** Serialises renewals across tabs; defaults to the Web Locks API where the browser has it. */
  lock?: RenewalLock;
}

export interface SessionRenewal {
  /**
   * Trades the refresh cookie for a new session and keeps it. Concurrent callers share the one
   * request in flight. Resolves to the session, or `null` when there is none any more (the store
   * is then emptied); rejects with the `ApiError` when the server could not answer (offline, 5xx,
   * 429), leaving the store as it was.
   */
  renew(): Promise<Session | null>;
  /**
   * For a request answered 401: the token to send it again with, or `null` when the session is
   * over. A token renewed meanwhile (by another request's 401) is reused without renewing again.
   */
  tokenAfterRejection(rejectedToken: string): Promise<string | null>;
  /**
   * Runs a call that replaces the refresh cookie (switch account, sign out) once no renewal is in
   * flight, and holds scheduled renewals back until it is done: a renewal racing it would spend
   * the old cookie and could clear the new one.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Stops the timer and stops watching the store. */
  dispose(): void;
}

/** One name for both SPAs: they share the origin, and so the cookie. */
export const RENEWAL_LOCK_NAME = 'chambers-session-renewal';

/** A refresh answered 401 (no cookie, session ended or revoked) or 403 (refused): sign in again. */
export function sessionIsOver(error: unknown): boolean {
  return isApiError(error) && (error.status === 401 || error.status === 403);
}

/** When to renew a token that lives `expiresIn` seconds: `margin` before it expires, never before half-life. */
export function renewalDelaySeconds(expiresIn: number, marginSeconds: number): number {
  return Math.max(expiresIn / 2, expiresIn - marginSeconds);
}

/**
 * The refresh cookie rotates on every use, and the API treats a spent cookie presented again as
 * stolen (it ends the session). Two tabs renewing at the same instant (both waking from sleep)
 * would do exactly that, so renewals take a lock shared by every tab of the origin. Without the
 * Web Locks API, the single in-flight renewal per tab is all there is.
 */
export function browserLock(): RenewalLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return (task) => task();
  return (task) => locks.request(RENEWAL_LOCK_NAME, () => task());
}

/**
 * Keeps an SPA's in-memory session alive: renews the access token shortly before it expires and
 * after a 401, one renewal at a time. It watches the store, so every new session (sign-in,
 * switch, renewal) schedules its own renewal and signing out cancels it.
 */
export function createSessionRenewal(options: SessionRenewalOptions): SessionRenewal {
  const { store, refresh } = options;
  const marginSeconds = options.marginSeconds ?? 60;
  const retryMs = (options.retrySeconds ?? 15) * 1000;
  const lock = options.lock ?? browserLock();

  let inFlight: Promise<Session | null> | null = null;
  let busy = false;
  let missedWhileBusy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expiresAt = 0;
  /** Bumped whenever someone else replaces the session: a renewal started before then is stale. */
  let epoch = 0;
  let adopting = false;

  function adopt(session: Session | null) {
    adopting = true;
    try {
      store.set(session);
    } finally {
      adopting = false;
    }
  }

  function schedule(delayMs: number) {
    clearTimeout(timer);
    timer = setTimeout(onTimer, delayMs);
  }

  function onSessionChanged() {
    if (!adopting) epoch += 1;
    missedWhileBusy = false;
    clearTimeout(timer);
    timer = undefined;
    const session = store.get();
    if (!session) return;
    expiresAt = Date.now() + session.expires_in * 1000;
    schedule(renewalDelaySeconds(session.expires_in, marginSeconds) * 1000);
  }

  function onTimer() {
    timer = undefined;
    if (!store.get()) return;
    if (busy) {
      missedWhileBusy = true;
      return;
    }
    renew().catch(() => {
      // Offline or the server is struggling: try again while the token still works. After that,
      // the next request's 401 renews (or signs out).
      if (store.get() && Date.now() + retryMs < expiresAt) schedule(retryMs);
    });
  }

  async function runRenewal(): Promise<Session | null> {
    const started = epoch;
    try {
      const session = await lock(refresh);
      // Signed out, in or switched meanwhile: that newer decision stands.
      if (epoch !== started) return store.get();
      adopt(session);
      return session;
    } catch (error) {
      if (epoch !== started) return store.get();
      if (!sessionIsOver(error)) throw error;
      adopt(null);
      return null;
    }
  }

  function renew(): Promise<Session | null> {
    inFlight ??= runRenewal().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  const unsubscribe = store.subscribe(onSessionChanged);
  onSessionChanged();

  return {
    renew,
    async tokenAfterRejection(rejectedToken) {
      const current = store.get()?.access_token;
      if (!current) return null;
      if (current !== rejectedToken) return current;
      return (await renew())?.access_token ?? null;
    },
    async exclusive(task) {
      await inFlight?.catch(() => undefined);
      busy = true;
      try {
        return await task();
      } finally {
        busy = false;
        if (missedWhileBusy) {
          missedWhileBusy = false;
          onTimer();
        }
      }
    },
    dispose() {
      unsubscribe();
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

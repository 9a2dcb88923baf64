import { isValidPin, type SessionManager } from '@field/kit';
import { useState, type FormEvent } from 'react';

/** Shared tablet: unlock with the PIN (or sign out, which wipes this user's data). */
export function LockScreen({ session, onUnlock, onSignOut }: { session: SessionManager; onUnlock: () => void; onSignOut: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await session.checkPin(pin)) onUnlock();
    else setError('Wrong PIN');
    setPin('');
  };
  return (
    <form className="cl-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="lock-heading">
      <h2 id="lock-heading">Locked — {session.session?.user.displayName}</h2>
      <div className="cl-field">
        <label htmlFor="unlock-pin">PIN</label>
        <input id="unlock-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.currentTarget.value)} />
      </div>
      <button type="submit" className="cl-primary">Unlock</button>
      <button type="button" onClick={onSignOut}>Sign out (removes this user's data from the tablet)</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

export function PinSetup({ session, onDone }: { session: SessionManager; onDone: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isValidPin(pin)) {
      setError('A PIN is 4 to 6 digits');
      return;
    }
    await session.setPin(pin);
    onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="cl-row" aria-label="Set an unlock PIN">
      <div className="cl-field">
        <label htmlFor="new-pin">Unlock PIN for this tablet (4–6 digits)</label>
        <input id="new-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.currentTarget.value)} />
      </div>
      <button type="submit">Save PIN</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

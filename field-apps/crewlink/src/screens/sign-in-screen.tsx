import { describeError, type SessionManager } from '@field/kit';
import { useState, type FormEvent } from 'react';

/** Sign in once, online; afterwards the app opens offline with the cached session. */
export function SignInScreen({ session }: { session: SessionManager }) {
  const [agency, setAgency] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await session.login({ agency: agency.trim(), username: username.trim(), password });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="cl-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <p>Sign in once while you have a network; after that CrewLink works without one.</p>
      <div className="cl-field">
        <label htmlFor="sign-in-agency">Agency</label>
        <input id="sign-in-agency" autoComplete="organization" required value={agency} onChange={(e) => setAgency(e.currentTarget.value)} />
      </div>
      <div className="cl-field">
        <label htmlFor="sign-in-username">Username</label>
        <input id="sign-in-username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
      </div>
      <div className="cl-field">
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
      </div>
      <button type="submit" className="cl-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

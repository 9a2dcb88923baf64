import { describeError, type SessionManager } from '@field/kit';
import { useState, type FormEvent } from 'react';

/** Supervisor sign-in with the kit's session (agency, username, password). */
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
    <form className="cs-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <p>The Console is for supervisors and administrators.</p>
      <div className="cs-field">
        <label htmlFor="sign-in-agency">Agency</label>
        <input id="sign-in-agency" autoComplete="organization" required value={agency} onChange={(e) => setAgency(e.currentTarget.value)} />
      </div>
      <div className="cs-field">
        <label htmlFor="sign-in-username">Username</label>
        <input id="sign-in-username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
      </div>
      <div className="cs-field">
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
      </div>
      <button type="submit" className="cs-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

/** Shown when a crew account signs in: the review queues hold the whole agency's patient data. */
export function SupervisorsOnlyScreen({ displayName, roles, onSignOut }: { displayName: string; roles: readonly string[]; onSignOut: () => void }) {
  return (
    <section className="cs-screen" aria-labelledby="supervisors-only-heading">
      <h2 id="supervisors-only-heading">Supervisors only</h2>
      <p role="alert">
        Supervisors only: {displayName} is signed in as {roles.join(', ') || 'no role'}. The Console is for supervisors and
        administrators; crews use CrewLink or MDT.
      </p>
      <button type="button" className="cs-primary" onClick={onSignOut}>Sign out</button>
    </section>
  );
}

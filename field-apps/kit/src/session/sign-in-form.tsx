import { useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from './api-errors';
import type { SessionManager } from './session-manager';

export interface SignInFormProps {
  session: SessionManager;
  /** One line under the heading saying what this app is for. */
  intro: ReactNode;
  /** Class names of the app's own styles (form, each field, the submit button). */
  classNames: { form: string; field: string; primary: string };
}

/** Agency, username and password, signed in through the kit's session; errors in words. */
export function SignInForm({ session, intro, classNames }: SignInFormProps) {
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
    <form className={classNames.form} onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <p>{intro}</p>
      <div className={classNames.field}>
        <label htmlFor="sign-in-agency">Agency</label>
        <input id="sign-in-agency" autoComplete="organization" required value={agency} onChange={(e) => setAgency(e.currentTarget.value)} />
      </div>
      <div className={classNames.field}>
        <label htmlFor="sign-in-username">Username</label>
        <input id="sign-in-username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
      </div>
      <div className={classNames.field}>
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
      </div>
      <button type="submit" className={classNames.primary} disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

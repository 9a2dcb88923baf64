import { SignInForm, type SessionManager } from '@field/kit';

/** Supervisor sign-in with the kit's session (agency, username, password). */
export function SignInScreen({ session }: { session: SessionManager }) {
  return (
    <SignInForm
      session={session}
      intro="The Console is for supervisors and administrators."
      classNames={{ form: 'cs-sign-in', field: 'cs-field', primary: 'cs-primary' }}
    />
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

import { SignInForm, type SessionManager } from '@field/kit';

/** Sign in once, online; afterwards the app opens offline with the cached session. */
export function SignInScreen({ session }: { session: SessionManager }) {
  return (
    <SignInForm
      session={session}
      intro="Sign in once while you have a network; after that CrewLink works without one."
      classNames={{ form: 'cl-sign-in', field: 'cl-field', primary: 'cl-primary' }}
    />
  );
}

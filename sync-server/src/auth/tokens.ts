import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { AuthUser, Role } from '@field/shared-model';
import type { Clock } from '../clock';
import { ApiError } from '../errors';
import { signingAlgorithm, type SigningKeys } from './keys';

export const accessTokenSeconds = 15 * 60;
export const refreshTokenSeconds = 30 * 24 * 60 * 60;
const issuer = 'field-sync';
const audience = 'field-suite';

/** The caller of a request, as read from a verified access token. */
export interface Caller extends AuthUser {
  kind: 'user' | 'patient';
  /** Access token expiry, ms since epoch: streams close when it passes. */
  expiresAt: number;
  /** When the access token was issued, ms since epoch (whole seconds): tokens from before a sign-out-everywhere are refused. */
  issuedAt: number;
}

interface AccessClaims extends JWTPayload {
  typ: 'access';
  agency: string;
  roles: Role[];
  unit?: string;
  name: string;
  kind: 'user' | 'patient';
  acct?: string;
}

interface RefreshClaims extends JWTPayload {
  typ: 'refresh';
  agency: string;
  fam: string;
  kind: 'user' | 'patient';
}

export async function signAccessToken(
  user: AuthUser, kind: 'user' | 'patient', keys: SigningKeys, clock: Clock, lifetimeSeconds = accessTokenSeconds,
) {
  const iat = Math.floor(clock.now() / 1000);
  const claims: AccessClaims = { typ: 'access', agency: user.agencyId, roles: user.roles, name: user.displayName, kind };
  if (user.unitId) claims.unit = user.unitId;
  if (user.accountNumber) claims.acct = user.accountNumber;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: signingAlgorithm, kid: keys.kid, typ: 'JWT' })
    .setSubject(user.id).setIssuer(issuer).setAudience(audience)
    .setIssuedAt(iat).setExpirationTime(iat + lifetimeSeconds).setJti(randomUUID())
    .sign(keys.privateKey);
}

export interface RefreshTokenIds {
  id: string;
  familyId: string;
  expiresAt: Date;
}

export async function signRefreshToken(
  subject: string, agencyId: string, kind: 'user' | 'patient', familyId: string, keys: SigningKeys, clock: Clock,
): Promise<{ token: string } & RefreshTokenIds> {
  const iat = Math.floor(clock.now() / 1000);
  const id = randomUUID();
  const claims: RefreshClaims = { typ: 'refresh', agency: agencyId, fam: familyId, kind };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: signingAlgorithm, kid: keys.kid, typ: 'JWT' })
    .setSubject(subject).setIssuer(issuer).setAudience(audience)
    .setIssuedAt(iat).setExpirationTime(iat + refreshTokenSeconds).setJti(id)
    .sign(keys.privateKey);
  return { token, id, familyId, expiresAt: new Date((iat + refreshTokenSeconds) * 1000) };
}

async function verify<T extends JWTPayload>(token: string, keys: SigningKeys, clock: Clock): Promise<T> {
  if (token.length > 8192) throw new ApiError('unauthorized', 'token too long');
  try {
    const { payload } = await jwtVerify<T>(token, keys.publicKey, {
      issuer, audience, algorithms: [signingAlgorithm], currentDate: new Date(clock.now()),
    });
    return payload;
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new ApiError('unauthorized', 'token expired');
    throw new ApiError('unauthorized', 'invalid token');
  }
}

/** Access tokens already verified, per signing key pair: a device sends the same token for up to 15 minutes. */
const verifiedAccessTokens = new WeakMap<SigningKeys, Map<string, Readonly<Caller>>>();
const maxVerifiedAccessTokens = 10_000;

/**
 * Verifies an access token (signature, issuer, audience, expiry). A token verified before is
 * answered from memory until it expires: the signature check is the costliest step of a small
 * request, and an access token cannot change or be revoked during its short life.
 */
export async function verifyAccessToken(token: string, keys: SigningKeys, clock: Clock): Promise<Caller> {
  let cache = verifiedAccessTokens.get(keys);
  if (!cache) verifiedAccessTokens.set(keys, cache = new Map());
  const known = cache.get(token);
  if (known) {
    if (clock.now() < known.expiresAt) return known;
    cache.delete(token);
    throw new ApiError('unauthorized', 'token expired');
  }
  const caller = Object.freeze(await verifyAccessClaims(token, keys, clock));
  if (cache.size >= maxVerifiedAccessTokens) cache.delete(cache.keys().next().value as string);
  cache.set(token, caller);
  return caller;
}

async function verifyAccessClaims(token: string, keys: SigningKeys, clock: Clock): Promise<Caller> {
  const p = await verify<AccessClaims>(token, keys, clock);
  if (p.typ !== 'access' || !p.sub || typeof p.agency !== 'string' || !Array.isArray(p.roles) || !p.exp) {
    throw new ApiError('unauthorized', 'not an access token');
  }
  const caller: Caller = {
    id: p.sub, agencyId: p.agency, roles: p.roles, displayName: p.name, kind: p.kind, expiresAt: p.exp * 1000,
    issuedAt: (p.iat ?? 0) * 1000,
  };
  if (p.unit) caller.unitId = p.unit;
  if (p.acct) caller.accountNumber = p.acct;
  return caller;
}

export interface VerifiedRefreshToken {
  id: string;
  familyId: string;
  subject: string;
  agencyId: string;
  kind: 'user' | 'patient';
}

export async function verifyRefreshToken(token: string, keys: SigningKeys, clock: Clock): Promise<VerifiedRefreshToken> {
  const p = await verify<RefreshClaims>(token, keys, clock);
  if (p.typ !== 'refresh' || !p.sub || !p.jti || typeof p.fam !== 'string' || typeof p.agency !== 'string') {
    throw new ApiError('unauthorized', 'not a refresh token');
  }
  return { id: p.jti, familyId: p.fam, subject: p.sub, agencyId: p.agency, kind: p.kind };
}

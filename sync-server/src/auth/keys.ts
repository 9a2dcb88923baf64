import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';

export const signingAlgorithm = 'EdDSA';

/** The server's token signing key and its public half for /.well-known/jwks.json. */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKeys> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d) {
    throw new Error('the signing key must be an Ed25519 private JWK (kty OKP, crv Ed25519, with d)');
  }
  const kid = jwk.kid ?? 'field-sync-1';
  const { d: _d, ...publicJwk } = jwk;
  const privateKey = (await importJWK({ ...jwk, alg: signingAlgorithm }, signingAlgorithm)) as CryptoKey;
  const publicKey = (await importJWK({ ...publicJwk, alg: signingAlgorithm }, signingAlgorithm)) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, alg: signingAlgorithm, use: 'sig' } };
}

async function generatePrivateJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(signingAlgorithm, { extractable: true, crv: 'Ed25519' });
  return { ...(await exportJWK(privateKey)), kid };
}

/** A new key pair, kept only in memory (tests). */
export async function generateSigningKeys(kid = 'field-sync-1'): Promise<SigningKeys> {
  return fromPrivateJwk(await generatePrivateJwk(kid));
}

/**
 * Loads the signing key from `JWT_PRIVATE_JWK` (a JSON JWK), else from `<dataDir>/keys/signing-key.jwk.json`,
 * creating it there on first start (file mode 0600). Several instances share a key by sharing either.
 */
export async function loadSigningKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<SigningKeys> {
  if (env.JWT_PRIVATE_JWK) return fromPrivateJwk(JSON.parse(env.JWT_PRIVATE_JWK) as JWK);
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'signing-key.jwk.json');
  if (existsSync(file)) return fromPrivateJwk(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  const jwk = await generatePrivateJwk(`field-sync-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return fromPrivateJwk(jwk);
}

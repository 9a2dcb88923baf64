/** A shared-tablet unlock PIN: 4 to 6 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,6}$/.test(pin);
}

export interface PinHash {
  salt: string;
  hash: string;
}

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(hex.length / 2));
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 150_000 }, key, 256);
  return toHex(bits);
}

/** PBKDF2-SHA-256 with a random salt (WebCrypto); the PIN itself is never stored. */
export async function hashPin(pin: string): Promise<PinHash> {
  if (!isValidPin(pin)) throw new Error('A PIN is 4 to 6 digits');
  const salt = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(16)));
  return { salt: toHex(salt), hash: await derive(pin, salt) };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  return (await derive(pin, fromHex(stored.salt))) === stored.hash;
}

/** Whether the idle time since the last activity means the tablet must be unlocked again. */
export function isIdleLocked(lastActivityMs: number, nowMs: number, idleMinutes: number): boolean {
  return nowMs - lastActivityMs >= idleMinutes * 60_000;
}

import { describe, expect, it } from 'vitest';
import { AppOutdatedError, describeError, NetworkUnavailableError, readApiError } from './api-errors';

describe('API errors', () => {
  it('turns 426 into "update the app"', async () => {
    const error = await readApiError(new Response(JSON.stringify({ error: { code: 'upgrade_required', message: 'epcrs is at schema version 1' } }), { status: 426 }));
    expect(error).toBeInstanceOf(AppOutdatedError);
    expect(describeError(error)).toContain('update the app');
  });

  it('keeps the server message and status', async () => {
    const error = await readApiError(new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Your role has no access to patient care reports.' } }), { status: 403 }));
    expect(error.code).toBe('forbidden');
    expect(describeError(error)).toBe('Your role has no access to patient care reports. (403)');
  });

  it('says in words what a status means when the body is not the server\'s JSON (a proxy page)', async () => {
    const gateway = await readApiError(new Response('<html>', { status: 502 }));
    expect(gateway.status).toBe(502);
    expect(describeError(gateway)).toBe('The server is unavailable right now; changes stay on this device and are sent when it is back (502)');
    expect(describeError(await readApiError(new Response('', { status: 500 })))).toMatch(/^The server ran into a problem; changes stay on this device/);
  });

  it('names storage and network problems in words', () => {
    expect(describeError(new DOMException('full', 'QuotaExceededError'))).toContain('out of storage space');
    expect(describeError(new NetworkUnavailableError())).toContain('changes stay on this device');
  });
});

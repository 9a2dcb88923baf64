import { describe, expect, it } from 'vitest';
import { AppOutdatedError, describeError, NetworkUnavailableError, readApiError } from './api-errors';

describe('API errors', () => {
  it('turns 426 into "update the app"', async () => {
    const error = await readApiError(new Response(JSON.stringify({ error: { code: 'upgrade_required', message: 'epcrs is at schema version 1' } }), { status: 426 }));
    expect(error).toBeInstanceOf(AppOutdatedError);
    expect(describeError(error)).toContain('update the app');
  });

  it('keeps the server message and status; survives a body that is not JSON', async () => {
    const error = await readApiError(new Response('<html>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(describeError(error)).toBe('The server answered 502 (502)');
  });

  it('names storage and network problems in words', () => {
    expect(describeError(new DOMException('full', 'QuotaExceededError'))).toContain('out of storage space');
    expect(describeError(new NetworkUnavailableError())).toContain('changes stay on this device');
  });
});

import { FieldApiError } from '@field/kit';
import { QueryClient } from '@tanstack/react-query';

/**
 * Server-only reads for the Console. Answers the server refused (401, 403, 404…) are not retried;
 * lost connections are, a few times. With no network react-query pauses and keeps the last data.
 */
export function createConsoleQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !(error instanceof FieldApiError) && failures < 3,
      },
      mutations: { retry: false },
    },
  });
}

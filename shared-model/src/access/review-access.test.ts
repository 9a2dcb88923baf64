import { describe, expect, it } from 'vitest';
import { makeUser } from '../testing';
import { canReviewSyncIssues } from './review-access';

describe('canReviewSyncIssues', () => {
  it('admits supervisors and admins only', () => {
    expect(canReviewSyncIssues(makeUser({ roles: ['supervisor'] }))).toBe(true);
    expect(canReviewSyncIssues(makeUser({ roles: ['admin'] }))).toBe(true);
    for (const role of ['medic', 'emt', 'dispatcher', 'inspector', 'pilot', 'patient'] as const) {
      expect(canReviewSyncIssues(makeUser({ roles: [role] }))).toBe(false);
    }
  });
});

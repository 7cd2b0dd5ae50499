import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type Assignment = Schemas['ReviewAssignmentView'];
export type AssignmentStatus = Assignment['status'];
export type Review = Schemas['ReviewView'];

export const STATUSES: readonly AssignmentStatus[] = ['to_review', 'reviewed', 'conflict_declared', 'closed'];

export const keys = {
  assignments: ['reviewer', 'assignments'] as const,
  assignment: (applicationId: string) => ['reviewer', 'assignments', applicationId] as const,
  application: (applicationId: string) => ['reviewer', 'applications', applicationId] as const,
  myReview: (applicationId: string) => ['reviewer', 'applications', applicationId, 'my-review'] as const,
};

export const useAssignment = (applicationId: string) =>
  useQuery({
    queryKey: keys.assignment(applicationId),
    queryFn: async () => unwrap(await api.GET('/api/me/review-assignments/{id}', { params: { path: { id: applicationId } } })),
  });

/** The applications waiting for the reviewer, for the home page (the first few; the count says if there are more). */
export const useWaiting = () =>
  useQuery({
    queryKey: [...keys.assignments, 'to_review'],
    queryFn: async () => unwrap(await api.GET('/api/me/review-assignments', { params: { query: { status: 'to_review', limit: 100 } } })).items,
  });

import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type BoardTrack = Schemas['TrackBoardCardView'];
export type Stage = BoardTrack['stage'];
export const BOARD_STAGES: readonly Stage[] = ['matched', 'co_design', 'test_environment', 'evaluation', 'graduated', 'discontinued'];

export const progressKeys = {
  board: (id: string) => ['progress', 'cohorts', id, 'track-board'] as const,
  report: (id: string, report: string) => ['progress', 'cohorts', id, 'reports', report] as const,
  methodCards: ['progress', 'method-cards'] as const,
  methodCard: (id: string) => ['progress', 'method-cards', id] as const,
  versions: (id: string) => ['progress', 'method-cards', id, 'versions'] as const,
  uses: (id: string) => ['progress', 'method-cards', id, 'uses'] as const,
  publications: (id: string) => ['progress', 'method-cards', id, 'publications'] as const,
};


export const useTrackBoard = (id: string) =>
  useQuery({ queryKey: progressKeys.board(id), queryFn: async () => unwrap(await api.GET('/api/cohorts/{id}/track-board', { params: { path: { id } } })) });

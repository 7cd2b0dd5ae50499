import type { FieldError } from '@samverka/platform';

export const UPTAKE_ROUTES = ['operations_budget', 'procurement', 'grant', 'none_yet'] as const;
export type UptakeRoute = (typeof UPTAKE_ROUTES)[number];

export interface NeedOwner {
  name: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
}

/** How a working solution would be taken up, and by whom. */
export interface RouteToAdoption {
  needOwner: NeedOwner;
  uptake: UptakeRoute | null;
  uptakeNote: string | null;
  adoptedMeans: string | null;
}

/** Everything a department writes about a challenge: what a revision freezes. */
export interface ChallengeContent {
  title: string;
  problemStatement: string | null;
  targetGroup: string | null;
  desiredOutcome: string | null;
  themes: string[];
  sdgs: number[];
  competences: string[];
  languages: string[];
  municipalityCode: string | null;
  hoursPerWeek: number | null;
  seats: number;
  testEnvironmentIds: string[];
  routeToAdoption: RouteToAdoption;
}

export const CONTENT_FIELDS: readonly (keyof ChallengeContent)[] = [
  'title',
  'problemStatement',
  'targetGroup',
  'desiredOutcome',
  'themes',
  'sdgs',
  'competences',
  'languages',
  'municipalityCode',
  'hoursPerWeek',
  'seats',
  'testEnvironmentIds',
  'routeToAdoption',
];

export const emptyRouteToAdoption = (): RouteToAdoption => ({
  needOwner: { name: null, role: null, email: null, phone: null },
  uptake: null,
  uptakeNote: null,
  adoptedMeans: null,
});

const blank = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim() === '';

const required = (field: string, what: string): FieldError => ({ field, message: `${what} is required before the challenge can be submitted`, code: 'requiredToSubmit' });

/** What a draft still lacks before it can be submitted; the route to adoption above all. */
export function missingForSubmission(content: ChallengeContent): FieldError[] {
  const missing: FieldError[] = [];
  const route = content.routeToAdoption;
  if (blank(content.problemStatement)) missing.push(required('problemStatement', 'the problem statement'));
  if (blank(content.targetGroup)) missing.push(required('targetGroup', 'the target group'));
  if (blank(content.desiredOutcome)) missing.push(required('desiredOutcome', 'the desired outcome'));
  if (blank(content.municipalityCode)) missing.push(required('municipalityCode', 'the location (municipality)'));
  if (blank(route.needOwner.name)) missing.push(required('routeToAdoption.needOwner.name', "the need owner's name"));
  if (blank(route.needOwner.role)) missing.push(required('routeToAdoption.needOwner.role', "the need owner's role"));
  if (route.uptake === null) missing.push(required('routeToAdoption.uptake', 'how a working solution would be taken up'));
  if (blank(route.uptakeNote)) missing.push(required('routeToAdoption.uptakeNote', 'a note on the uptake'));
  if (blank(route.adoptedMeans)) missing.push(required('routeToAdoption.adoptedMeans', 'what "adopted" would mean'));
  return missing;
}

import { Injectable } from '@nestjs/common';

export interface ErasureOptions {
  /** The person consented to research use of anonymised learnings: keep what they wrote, detached from them. */
  keepAuthoredTextForResearch: boolean;
}

/**
 * What one context holds about a person. Each context registers one, so that an export
 * is complete and an erasure reaches everywhere, without one context reading another's tables.
 */
export interface PersonalDataContributor {
  /** The section of the export, e.g. `applications`. */
  section: string;
  export(userId: string): Promise<unknown>;
  /** Removes or replaces personal fields; rows stay, so counts and reports stay right. */
  erase(userId: string, options: ErasureOptions): Promise<void>;
}

@Injectable()
export class PersonalDataRegistry {
  private readonly contributors: PersonalDataContributor[] = [];

  register(contributor: PersonalDataContributor): void {
    if (this.contributors.some((known) => known.section === contributor.section)) {
      throw new Error(`Two contributors for the export section "${contributor.section}"`);
    }
    this.contributors.push(contributor);
  }

  get all(): readonly PersonalDataContributor[] {
    return this.contributors;
  }
}

import { Injectable } from '@nestjs/common';

export interface ErasureOptions {
  /** The person consented to research use of anonymised learnings: keep what they wrote, detached from them. */
  keepAuthoredTextForResearch: boolean;
  /** The account's address as it was: the account's own contributor may have replaced it already, and forms without an account know people by it. */
  email: string;
}

/**
 * Columns of one entity that hold a name, an address or words a person wrote. Each entity's
 * columns are declared by the contributor whose erasure reaches them; a test holds every entity
 * the app registers to these declarations.
 */
export interface PersonalColumns {
  entity: abstract new () => object;
  columns: readonly string[];
}

/**
 * What one context holds about a person. Each context registers one, so that an export
 * is complete and an erasure reaches everywhere, without one context reading another's tables.
 */
export interface PersonalDataContributor {
  /** The section of the export, e.g. `applications`. */
  section: string;
  /** The personal columns this contributor exports and erases. */
  holds: readonly PersonalColumns[];
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

/** Tags compare as people mean them: trimmed, lower case (Swedish rules), single spaces. */
export const normaliseTag = (tag: string): string => tag.trim().toLocaleLowerCase('sv').replace(/\s+/g, ' ');

/** Normalised, without empties, each once, in first-seen order. */
export const normaliseTags = (tags: readonly string[]): string[] => [...new Set(tags.map(normaliseTag).filter((tag) => tag !== ''))];

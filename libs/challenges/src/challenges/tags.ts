/** Tags compare as people mean them: trimmed, lower case, one space, each once. */
export const normaliseTag = (tag: string): string => tag.trim().toLowerCase().replace(/\s+/g, ' ');

export const normaliseTags = (tags: readonly string[]): string[] => [...new Set(tags.map(normaliseTag).filter((tag) => tag !== ''))];

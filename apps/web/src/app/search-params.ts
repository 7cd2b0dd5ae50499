/*
 * The address's search params as plain text, `?county=12`: the router's default JSON quotes any
 * text that reads as a number (`?county=%2212%22`), and its default reading turns `12` and `true`
 * into a number and a flag. Here every value is text both ways; each route's validateSearch makes
 * its own numbers and flags.
 */

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function parseSearch(searchStr: string): Record<string, string> {
  const search: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(searchStr)) search[key] = formerlyQuoted(value) ?? value;
  return search;
}

/**
 * A link made with the former JSON format still works: there a value was quoted exactly when its
 * text reads as JSON (`"12"`, `"true"`), and such a value reads as that text. Other quotes (a
 * phrase searched for as `"korta möten"`) are the person's own.
 */
function formerlyQuoted(value: string): string | undefined {
  try {
    const text: unknown = JSON.parse(value);
    if (typeof text !== 'string') return undefined;
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}

import type { Licence } from '../method-cards/method-card.entity.js';

/** The licences a version may be published under: their short names and canonical addresses. */
export const LICENCE_INFO: Record<Licence, { name: string; uri: string }> = {
  'CC-BY-4.0': { name: 'CC BY 4.0', uri: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC0-1.0': { name: 'CC0 1.0', uri: 'https://creativecommons.org/publicdomain/zero/1.0/' },
};

const MAX_SLUG_LENGTH = 60;

/** A readable address part from a title: "Unga bokar själva!" → "unga-bokar-sjalva". */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || 'metodkort';
}

const base = (publicUrl: string): string => publicUrl.replace(/\/+$/, '');

export const openCardUrl = (publicUrl: string, slug: string): string => `${base(publicUrl)}/api/open/method-cards/${encodeURIComponent(slug)}`;

export const openVersionUrl = (publicUrl: string, slug: string, version: number): string => `${openCardUrl(publicUrl, slug)}/versions/${version}`;

/** How to cite a published version: title, installation, version, date, licence and address, on one line. */
export function citationOf(parts: { title: string; installation: string; version: number; publishedAt: Date; licence: Licence; url: string }): string {
  const date = parts.publishedAt.toISOString().slice(0, 10);
  return `${parts.title}. ${parts.installation}, metodkort version ${parts.version}, ${date}. ${LICENCE_INFO[parts.licence].name}. ${parts.url}`;
}

import { LICENCE_INFO, type Period } from '@samverka/impact';

/**
 * The installation's open data described in DCAT-AP (the profile Sweden's national data portal
 * harvests, DCAT-AP SE), as JSON-LD: one catalogue, one dataset per kind of open data, each with
 * Swedish and English title and description, publisher, contact point, licence, temporal
 * coverage and a JSON and a CSV distribution.
 */

type Bilingual = { sv: string; en: string };

export interface OpenDataset {
  /** The fragment naming it within the catalogue, and its identifier. */
  key: string;
  /** Its address under /api/open; `?format=csv` gives the CSV form. */
  path: string;
  title: Bilingual;
  description: Bilingual;
  keywords: Bilingual[];
  /** CC BY 4.0 unless said: items may carry a freer licence of their own (CC0). */
  licence: keyof typeof LICENCE_INFO;
  period: Period;
}

/** The datasets and what time each covers: method cards from their publications, learnings and impact from the cohorts. */
export function openDatasets(periods: { methodCards: Period; cohorts: Period }): OpenDataset[] {
  return [
    {
      key: 'method-cards',
      path: '/api/open/method-cards',
      title: { sv: 'Metodkort', en: 'Method cards' },
      description: {
        sv: 'Metoder som programmet har tagit fram ur spårens lärdomar: när metoden passar, stegen och beläggen. Varje publicerad version har en fast adress, en licens (CC BY 4.0 eller CC0) och en källhänvisning.',
        en: 'Methods the programme distilled from its tracks’ learnings: when to use them, their steps and the evidence. Each published version has a stable address, a licence (CC BY 4.0 or CC0) and a citation.',
      },
      keywords: [
        { sv: 'social innovation', en: 'social innovation' },
        { sv: 'metod', en: 'method' },
      ],
      licence: 'CC-BY-4.0',
      period: periods.methodCards,
    },
    {
      key: 'learnings',
      path: '/api/open/learnings',
      title: { sv: 'Aggregerade lärdomar', en: 'Aggregated learnings' },
      description: {
        sv: 'Lärdomar per program och år, grupperade efter tagg, slag (hinder, möjliggörare, metod, överraskning …), steg och typ av förvaltning, med antal. En grupp publiceras bara när den vilar på minst fem spår och tre personer; fritext bara med författarens samtycke och efter granskning.',
        en: 'Learnings per programme and year, grouped by tag, kind (obstacle, enabler, method, surprise …), stage and department type, with counts. A group is published only when it rests on at least five tracks and three people; free text only with its author’s consent and after review.',
      },
      keywords: [
        { sv: 'social innovation', en: 'social innovation' },
        { sv: 'lärdomar', en: 'learnings' },
      ],
      licence: 'CC-BY-4.0',
      period: periods.cohorts,
    },
    {
      key: 'impact',
      path: '/api/open/impact',
      title: { sv: 'Effekter', en: 'Impact figures' },
      description: {
        sv: 'Effektmått, utfall vid examen och täckning av FN:s globala mål per omgång, aggregerade och publicerade bara över tröskeln för anonymitet.',
        en: 'Impact metrics, graduation outcomes and coverage of the UN Sustainable Development Goals per cohort, aggregated and published only above the anonymity threshold.',
      },
      keywords: [
        { sv: 'social innovation', en: 'social innovation' },
        { sv: 'globala målen', en: 'sustainable development goals' },
      ],
      licence: 'CC-BY-4.0',
      period: periods.cohorts,
    },
  ];
}

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'https://www.iana.org/assignments/media-types';

/** The terms the document uses; a harvester expands them to full IRIs. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const texts = (value: Bilingual) => [
  { '@value': value.sv, '@language': 'sv' },
  { '@value': value.en, '@language': 'en' },
];
const ref = (iri: string) => ({ '@id': iri });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });

export interface CatalogueOptions {
  publicUrl: string;
  installation: string;
  contactEmail: string;
}

function temporal(period: Period) {
  return {
    '@type': 'dcterms:PeriodOfTime',
    'dcat:startDate': date(period.start),
    ...(period.end ? { 'dcat:endDate': date(period.end) } : {}),
  };
}

function distribution(base: string, dataset: OpenDataset, format: 'JSON' | 'CSV', licence: string) {
  const url = `${base}${dataset.path}${format === 'CSV' ? '?format=csv' : ''}`;
  return {
    '@id': `${base}/api/open/catalogue#${dataset.key}-${format.toLowerCase()}`,
    '@type': 'dcat:Distribution',
    'dcterms:title': texts({ sv: `${dataset.title.sv} som ${format}`, en: `${dataset.title.en} as ${format}` }),
    'dcat:accessURL': ref(url),
    'dcat:mediaType': ref(`${IANA}/${format === 'JSON' ? 'application/json' : 'text/csv'}`),
    'dcterms:format': ref(`${EU}/file-type/${format}`),
    'dcterms:license': ref(licence),
  };
}

/** The catalogue as a JSON-LD document. */
export function dcatCatalogue(datasets: OpenDataset[], options: CatalogueOptions): Record<string, unknown> {
  const base = options.publicUrl.replace(/\/+$/, '');
  const publisher = {
    '@id': `${base}/#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': options.installation,
    'dcterms:type': ref('http://purl.org/adms/publishertype/LocalAuthority'),
  };
  const contactPoint = { '@type': 'vcard:Organization', 'vcard:fn': options.installation, 'vcard:hasEmail': ref(`mailto:${options.contactEmail}`) };
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/open/catalogue`,
    '@type': 'dcat:Catalog',
    'dcterms:title': texts({ sv: `Öppna data från ${options.installation}`, en: `Open data from ${options.installation}` }),
    'dcterms:description': texts({
      sv: 'Vad programmet för social innovation har lärt sig, som öppna data: metodkort, aggregerade lärdomar och effekter. Inga personuppgifter publiceras.',
      en: 'What the social innovation programme learned, as open data: method cards, aggregated learnings and impact figures. No personal data is published.',
    }),
    'dcterms:publisher': publisher,
    'dcterms:language': [ref(`${EU}/language/SWE`), ref(`${EU}/language/ENG`)],
    'dcterms:license': ref(LICENCE_INFO['CC-BY-4.0'].uri),
    'foaf:homepage': ref(`${base}/`),
    'dcat:dataset': datasets.map((dataset) => {
      const licence = LICENCE_INFO[dataset.licence].uri;
      return {
        '@id': `${base}/api/open/catalogue#${dataset.key}`,
        '@type': 'dcat:Dataset',
        'dcterms:identifier': `${base}${dataset.path}`,
        'dcterms:title': texts(dataset.title),
        'dcterms:description': texts(dataset.description),
        'dcat:keyword': dataset.keywords.flatMap(texts),
        'dcat:theme': ref(`${EU}/data-theme/SOCI`),
        'dcterms:publisher': { '@id': publisher['@id'] },
        'dcat:contactPoint': contactPoint,
        'dcterms:license': ref(licence),
        'dcterms:accessRights': ref(`${EU}/access-right/PUBLIC`),
        'dcterms:temporal': temporal(dataset.period),
        'dcat:landingPage': ref(`${base}${dataset.path}`),
        'dcat:distribution': [distribution(base, dataset, 'JSON', licence), distribution(base, dataset, 'CSV', licence)],
      };
    }),
  };
}

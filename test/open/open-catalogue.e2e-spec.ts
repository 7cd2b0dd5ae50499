import jsonld, { type ContextDefinition } from 'jsonld';
import { cohortWithTracks, TestServer, type TrackedCohort } from '@samverka/testing';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/**
 * The test's own reading of DCAT-AP, independent of the server's prefixes: texts as language
 * maps, references as IRIs, repeatable properties as lists.
 */
const FRAME_CONTEXT: ContextDefinition = {
  Catalog: `${DCAT}Catalog`,
  Dataset: `${DCAT}Dataset`,
  Distribution: `${DCAT}Distribution`,
  Agent: `${FOAF}Agent`,
  PeriodOfTime: `${DCT}PeriodOfTime`,
  title: { '@id': `${DCT}title`, '@container': '@language' },
  description: { '@id': `${DCT}description`, '@container': '@language' },
  publisher: { '@id': `${DCT}publisher` },
  name: { '@id': `${FOAF}name` },
  dataset: { '@id': `${DCAT}dataset`, '@container': '@set' },
  distribution: { '@id': `${DCAT}distribution`, '@container': '@set' },
  license: { '@id': `${DCT}license`, '@type': '@id' },
  temporal: { '@id': `${DCT}temporal` },
  startDate: { '@id': `${DCAT}startDate` },
  endDate: { '@id': `${DCAT}endDate` },
  accessURL: { '@id': `${DCAT}accessURL`, '@type': '@id' },
  mediaType: { '@id': `${DCAT}mediaType`, '@type': '@id' },
  contactPoint: { '@id': `${DCAT}contactPoint` },
  hasEmail: { '@id': `${VCARD}hasEmail`, '@type': '@id' },
};

interface Distribution {
  '@type': string;
  accessURL: string;
  mediaType: string;
  license: string;
}
interface Dataset {
  '@id': string;
  '@type': string;
  title: Record<string, string>;
  description: Record<string, string>;
  publisher: { '@type': string; name: string };
  contactPoint: { hasEmail: string };
  license: string;
  temporal: { '@type': string; startDate: { '@type': string; '@value': string } };
  distribution: Distribution[];
}
interface Catalog {
  '@type': string;
  title: Record<string, string>;
  description: Record<string, string>;
  publisher: { '@type': string; name: string };
  dataset: Dataset[];
}

describe('the open-data catalogue in DCAT-AP', () => {
  let server: TestServer;
  let cohort: TrackedCohort;

  beforeAll(async () => {
    server = await TestServer.start({ env: { INSTALLATION_NAME: 'Helsingborgs stad', PUBLIC_URL: 'https://samverka.example.se' } });
    cohort = await cohortWithTracks(server, ['Amira Haddad']);
    const learning = await server.http.post(`/api/tracks/${cohort.trackIds[0]}/learnings`).set(cohort.participants[0].auth).send({ kind: 'method', text: 'Korta möten fungerar.', tags: ['möten'] }).expect(201);
    const card = await server.http
      .post('/api/method-cards')
      .set(cohort.manager.auth)
      .send({ title: 'Korta möten', whenToUse: 'När många ska höras.', steps: ['Boka 20 minuter'], evidence: 'Alla hann säga sitt.', learnings: [{ learningId: learning.body.id }] })
      .expect(201);
    await server.http.put(`/api/method-cards/${card.body.id}/versions/1/publication`).set(cohort.manager.auth).send({}).expect(200);
  });
  afterAll(() => server.stop());

  it('is a JSON-LD dcat:Catalog holding what DCAT-AP SE requires of it and of each dataset and distribution', async () => {
    const response = await server.http.get('/api/open/catalogue').expect(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);

    // Expanded first: a document that is not JSON-LD fails here, whatever its text looks like.
    const expanded = await jsonld.expand(response.body);
    expect(expanded.length).toBeGreaterThan(0);
    const framed = (await jsonld.frame(expanded, { '@context': FRAME_CONTEXT, '@type': 'Catalog' }, { embed: '@always' })) as unknown as Catalog;

    expect(framed['@type']).toBe('Catalog');
    expect(framed.title).toEqual({ sv: 'Öppna data från Helsingborgs stad', en: 'Open data from Helsingborgs stad' });
    expect(framed.description.sv).toBeTruthy();
    expect(framed.description.en).toBeTruthy();
    expect(framed.publisher).toMatchObject({ '@type': 'Agent', name: 'Helsingborgs stad' });

    const byPath = new Map(framed.dataset.map((d) => [new URL(d.distribution[0].accessURL).pathname, d]));
    expect([...byPath.keys()].sort()).toEqual(['/api/open/impact', '/api/open/learnings', '/api/open/method-cards']);
    const today = new Date().toISOString().slice(0, 10);
    for (const dataset of framed.dataset) {
      expect(dataset['@type']).toBe('Dataset');
      expect(Object.keys(dataset.title).sort()).toEqual(['en', 'sv']);
      expect(Object.keys(dataset.description).sort()).toEqual(['en', 'sv']);
      expect(dataset.publisher).toMatchObject({ '@type': 'Agent', name: 'Helsingborgs stad' });
      expect(dataset.contactPoint.hasEmail).toMatch(/^mailto:.+@/);
      expect(dataset.license).toBe('https://creativecommons.org/licenses/by/4.0/');
      expect(dataset.temporal['@type']).toBe('PeriodOfTime');
      expect(dataset.temporal.startDate).toEqual({ '@type': `${XSD}date`, '@value': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(dataset.distribution.map((d) => d.mediaType).sort()).toEqual(['https://www.iana.org/assignments/media-types/application/json', 'https://www.iana.org/assignments/media-types/text/csv']);
      for (const distribution of dataset.distribution) {
        expect(distribution['@type']).toBe('Distribution');
        expect(distribution.accessURL).toMatch(/^https:\/\/samverka\.example\.se\/api\/open\//);
        expect(distribution.license).toBe(dataset.license);
      }
    }
    expect(byPath.get('/api/open/method-cards')?.title).toEqual({ sv: 'Metodkort', en: 'Method cards' });
    expect(byPath.get('/api/open/method-cards')?.temporal.startDate['@value']).toBe(today);
  });

  it('points at distributions that answer in the media type they declare', async () => {
    const framed = (await jsonld.frame((await server.http.get('/api/open/catalogue').expect(200)).body, { '@context': FRAME_CONTEXT, '@type': 'Catalog' }, { embed: '@always' })) as unknown as Catalog;
    const cards = framed.dataset.find((d) => d.title.en === 'Method cards');
    for (const distribution of cards?.distribution ?? []) {
      const url = new URL(distribution.accessURL);
      const answer = await server.http.get(`${url.pathname}${url.search}`).expect(200);
      expect(distribution.mediaType.endsWith(String(answer.headers['content-type']).split(';')[0])).toBe(true);
    }
  });
});

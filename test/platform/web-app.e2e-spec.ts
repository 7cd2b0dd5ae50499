import { TestServer } from '@samverka/testing';

describe('the web app, served beside the API', () => {
  let server: TestServer;
  let html: string;
  beforeAll(async () => {
    server = await TestServer.start();
    html = (await server.http.get('/').expect(200)).text;
  });
  afterAll(() => server.stop());

  it('serves index.html at / under a strict Content-Security-Policy', async () => {
    const response = await server.http.get('/').expect(200).expect('Content-Type', /text\/html/);
    const policy = String(response.headers['content-security-policy']);
    const directive = (name: string) => policy.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('font-src')).toBe("font-src 'self'");
    expect(policy).not.toMatch(/https:/);
    // It would send a browser on http://localhost to an https port nobody listens on.
    expect(policy).not.toMatch(/upgrade-insecure-requests/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('has no inline script and nothing from another site', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/src="\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('answers the app’s own routes with index.html, so a reload or a mailed link works', async () => {
    for (const path of ['/login', '/confirm-email?token=abc', '/invitations/accept?token=abc', '/cohorts/5f0c5a4e-2b1f-4d6e-9a43-2f1d3c4b5a69']) {
      const response = await server.http.get(path).expect(200).expect('Content-Type', /text\/html/);
      expect(response.text).toBe(html);
    }
  });

  it('serves the hashed assets for a long time, and a missing one is a 404, not the app', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const asset = await server.http.get(script).expect(200).expect('Content-Type', /javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    const missing = await server.http.get('/assets/no-such-file.js').expect(404);
    expect(missing.text).not.toContain('<html');
  });

  it('leaves /api and /health to the server', async () => {
    const unknown = await server.http.get('/api/no-such-thing').expect(404).expect('Content-Type', /problem\+json/);
    expect(unknown.body).toMatchObject({ code: 'not_found' });
    await server.http.get('/health').expect(200).expect('Content-Type', /json/);
    await server.http.post('/login').expect(404);
  });
});

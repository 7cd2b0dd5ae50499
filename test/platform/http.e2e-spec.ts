import { loginAdmin, TestServer } from '@samverka/testing';

describe('HTTP surface', () => {
  describe('with the default settings', () => {
    let server: TestServer;
    beforeAll(async () => (server = await TestServer.start()));
    afterAll(() => server.stop());

    it('sends security headers', async () => {
      const response = await server.http.get('/health').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('reads JSON also as application/*+json, an empty JSON body as no fields, and leaves other bodies unread', async () => {
      const fieldsOf = (response: { body: { errors: { field: string }[] } }) => response.body.errors.map((error) => error.field).sort();
      const merge = await server.http.post('/api/auth/login').set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ email: 'anna@example.se', password: 'whatever-long', extra: 1 })).expect(400);
      expect(fieldsOf(merge)).toEqual(['extra']);
      const empty = await server.http.post('/api/auth/login').set('Content-Type', 'application/json').expect(400);
      expect(fieldsOf(empty)).toEqual(['email', 'password']);
      const text = await server.http.post('/api/auth/login').set('Content-Type', 'text/plain').send('email=anna@example.se').expect(400);
      expect(fieldsOf(text)).toEqual(['email', 'password']);
    });

    it('keeps CORS closed: no origin is allowed', async () => {
      const response = await server.http.get('/api/reference/counties').set('Origin', 'https://elsewhere.example').expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves the OpenAPI document with a bearer scheme and every schema described', async () => {
      const html = await server.http.get('/api/docs').expect(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);

      const { body: document } = await server.http.get('/api/docs-json').expect(200);
      expect(document.openapi).toMatch(/^3\./);
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const undescribed: string[] = [];
      for (const [name, schema] of Object.entries<{ properties?: Record<string, Record<string, unknown>> }>(document.components.schemas)) {
        if (!schema.properties || Object.keys(schema.properties).length === 0) undescribed.push(`${name}: no properties`);
        for (const [property, definition] of Object.entries(schema.properties ?? {})) {
          const typed = 'type' in definition || '$ref' in definition || 'enum' in definition || 'allOf' in definition || 'oneOf' in definition;
          if (!typed) undescribed.push(`${name}.${property}`);
        }
      }
      expect(undescribed).toEqual([]);
    });

    it('describes the secured routes as needing the bearer token', async () => {
      const { body: document } = await server.http.get('/api/docs-json').expect(200);
      expect(document.paths['/api/me'].get.security).toEqual([{ bearer: [] }]);
      expect(document.paths['/api/auth/login'].post.security).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS and LOG_LEVEL=info', () => {
    const allowed = 'https://app.samverka.example';
    let server: TestServer;
    beforeAll(async () => (server = await TestServer.start({ env: { CORS_ORIGINS: `${allowed}, https://other.example`, LOG_LEVEL: 'info' } })));
    afterAll(() => server.stop());

    it('allows the listed origins only', async () => {
      const listed = await server.http.get('/api/reference/counties').set('Origin', allowed).expect(200);
      expect(listed.headers['access-control-allow-origin']).toBe(allowed);
      const preflight = await server.http.options('/api/me').set('Origin', allowed).set('Access-Control-Request-Method', 'PATCH');
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe(allowed);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
      // Answered like any other request: its id, the security headers, never cached.
      expect(preflight.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'x-request-id': expect.any(String) });

      const unlisted = await server.http.get('/api/reference/counties').set('Origin', 'https://evil.example').expect(200);
      expect(unlisted.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('logs one JSON line per request with its id, and never a password or token', async () => {
      const admin = await loginAdmin(server);
      const refreshed = await server.http.post('/api/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(200);
      await server.http.get('/api/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).set('X-Request-Id', 'trace-me-42').expect(200);
      await server.waitForLog('"id":"trace-me-42"');

      const lines = server.logs
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { req?: { id?: string; url?: string }; res?: { statusCode?: number } });
      const traced = lines.find((line) => line.req?.id === 'trace-me-42');
      expect(traced).toMatchObject({ req: { url: '/api/me' }, res: { statusCode: 200 } });
      expect(lines.filter((line) => line.req?.url === '/api/auth/login').every((line) => typeof line.req?.id === 'string')).toBe(true);

      for (const secret of [admin.password, admin.accessToken, admin.refreshToken, refreshed.body.accessToken, refreshed.body.refreshToken]) {
        expect(server.logs).not.toContain(secret);
      }
    });

    it('keeps the keys of personal links out of the log, in the API paths and the web app links', async () => {
      const key = 'personal-key-4f9c2a7e51b8';
      await server.http.get(`/api/dialogue-participation/${key}`).set('X-Request-Id', 'key-in-api-path').expect(404);
      await server.http.post(`/api/dialogue-participation/${key}/needs?lang=sv`).set('X-Request-Id', 'key-in-api-path-2').send({});
      await server.http.get(`/dialogue/participation/${key}`).set('X-Request-Id', 'key-in-web-path');
      await server.http.get(`/invitations/accept?token=${key}`).set('X-Request-Id', 'key-in-invitation-link');
      await server.http.get(`/confirm-email?lang=sv&token=${key}&from=mail`).set('X-Request-Id', 'key-in-confirmation-link');
      await server.waitForLog('"id":"key-in-confirmation-link"');

      const urls = server.logs
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { req?: { id?: string; url?: string } }).req)
        .filter((req) => req?.id?.startsWith('key-in-'))
        .map((req) => req?.url);
      expect(urls).toEqual([
        '/api/dialogue-participation/[redacted]',
        '/api/dialogue-participation/[redacted]/needs?lang=sv',
        '/dialogue/participation/[redacted]',
        '/invitations/accept?token=[redacted]',
        '/confirm-email?lang=sv&token=[redacted]&from=mail',
      ]);
      expect(server.logs).not.toContain(key);
    });

    it('echoes the request id, generating one when the caller sends none', async () => {
      const given = await server.http.get('/health').set('X-Request-Id', 'abc-123').expect(200);
      expect(given.headers['x-request-id']).toBe('abc-123');
      const generated = await server.http.get('/health').set('X-Request-Id', 'not allowed; spaces').expect(200);
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});

/** A small HTTP client for the demo seed: every step goes through the public API, as a person's would. */
export class DemoClient {
  constructor(private readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`demo seed: ${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.call<{ accessToken: string }>('POST', '/api/auth/login', undefined, { email, password })).accessToken;
  }

  /** Changes a versioned resource: reads its ETag, then sends the change with If-Match. */
  async withVersion<T = Record<string, unknown>>(method: string, path: string, token: string, body: unknown, readPath = path): Promise<T> {
    const response = await fetch(`${this.baseUrl}${readPath}`, { headers: { authorization: `Bearer ${token}` } });
    const etag = response.headers.get('etag') ?? `"${((await response.json()) as { version: number }).version}"`;
    return this.call<T>(method, path, token, body, { 'if-match': etag });
  }
}

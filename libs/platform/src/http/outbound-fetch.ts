import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction, type Socket } from 'node:net';
import { UnprocessableError } from '../errors/domain-error.js';

/** Why an outbound request was not made, or not finished. */
export type OutboundRefusal =
  | 'invalid_url'
  | 'not_https'
  | 'host_not_allowed'
  | 'private_address'
  | 'redirect_to_other_host'
  | 'too_many_redirects'
  | 'too_large'
  | 'too_slow'
  | 'unreachable'
  | 'bad_status';

/** 422 `import_source_refused`, with the reason a caller can act on. */
export class OutboundRefusedError extends UnprocessableError {
  constructor(
    readonly reason: OutboundRefusal,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super('import_source_refused', message, { reason, ...extra });
  }
}

export interface OutboundOptions {
  /** Whether an admin allowed the host (by name, lower case, without port). */
  isAllowedHost: (host: string) => Promise<boolean>;
  /** Test-only hosts that may be reached over http and on private addresses. */
  insecureHosts: readonly string[];
  maxBytes: number;
  timeoutMs: number;
  accept: string;
}

export interface OutboundResponse {
  url: string;
  contentType: string;
  body: Buffer;
}

const MAX_REDIRECTS = 3;

/** Addresses a request from the server must never reach: loopback, private, link-local, shared, reserved and documentation ranges. */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Whether the address is one a request from the server must not reach (an IPv4-mapped IPv6 address counts as its IPv4 one). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const hostOf = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * Fetches a document from another server without letting the request be turned against the
 * server's own network (SSRF): only https (http only for test-only hosts), only hosts an admin
 * allowed, never a private address — checked on the addresses DNS gives and again on the one
 * connected to — redirects only within the same host, and within a size and time limit.
 */
export async function fetchOutbound(address: string, options: OutboundOptions): Promise<OutboundResponse> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new OutboundRefusedError('invalid_url', 'The address is not a URL.');
  }
  if (url.username || url.password) throw new OutboundRefusedError('invalid_url', 'The address must not carry credentials.');
  const host = hostOf(url);
  const insecure = options.insecureHosts.includes(host);
  const deadline = Date.now() + options.timeoutMs;
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'https:' && !(insecure && url.protocol === 'http:')) throw new OutboundRefusedError('not_https', 'Only https addresses are fetched.');
    if (!(await options.isAllowedHost(host))) throw new OutboundRefusedError('host_not_allowed', `The host ${host} is not allowed for imports; an admin can allow it.`, { host });
    const response = await requestOnce(url, insecure, deadline, options);
    if (response.redirect === undefined) return { url: url.toString(), contentType: response.contentType, body: response.body };
    if (redirects >= MAX_REDIRECTS) throw new OutboundRefusedError('too_many_redirects', `More than ${MAX_REDIRECTS} redirects.`);
    const next = new URL(response.redirect, url);
    if (hostOf(next) !== host) throw new OutboundRefusedError('redirect_to_other_host', `The address redirects to another host (${hostOf(next)}).`);
    url = next;
  }
}

interface Answer {
  redirect?: string;
  contentType: string;
  body: Buffer;
}

function requestOnce(url: URL, insecure: boolean, deadline: number, options: OutboundOptions): Promise<Answer> {
  const host = hostOf(url);
  const refuseAddress = (address: string) => !insecure && isPrivateAddress(address);
  if (isIP(host) && refuseAddress(host)) return Promise.reject(new OutboundRefusedError('private_address', 'The address is a private or local one.'));
  // The names DNS gives are checked here, and the connection is made to the address checked.
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { all: true, family: lookupOptions.family }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.find((a) => refuseAddress(a.address));
      if (refused || !addresses.length) return callback(new OutboundRefusedError('private_address', `The host ${hostname} resolves to a private or local address.`), '', 4);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error instanceof OutboundRefusedError ? error : new OutboundRefusedError('unreachable', `The address could not be fetched: ${error.message}`));
    };
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'GET', lookup, headers: { Accept: options.accept, 'User-Agent': 'Samverka open-data import' } }, (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        settled = true;
        clearTimeout(timer);
        return resolve({ redirect: response.headers.location, contentType: '', body: Buffer.alloc(0) });
      }
      if (status !== 200) {
        response.resume();
        return fail(new OutboundRefusedError('bad_status', `The address answered ${status}.`, { upstreamStatus: status }));
      }
      if (Number(response.headers['content-length'] ?? 0) > options.maxBytes) return fail(tooLarge(options.maxBytes));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return fail(tooLarge(options.maxBytes));
        chunks.push(chunk);
      });
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks) });
      });
      response.on('error', fail);
    });
    // The address actually connected to, not only the one looked up.
    request.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        if (socket.remoteAddress && refuseAddress(socket.remoteAddress)) fail(new OutboundRefusedError('private_address', 'The connection went to a private or local address.'));
      });
    });
    request.on('error', fail);
    const timer = setTimeout(() => fail(new OutboundRefusedError('too_slow', `The address took longer than ${options.timeoutMs} ms.`)), Math.max(0, deadline - Date.now()));
    request.end();
  });
}

const tooLarge = (maxBytes: number) => new OutboundRefusedError('too_large', `The document is larger than ${maxBytes} bytes.`, { maxBytes });

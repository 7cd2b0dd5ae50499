import 'reflect-metadata';
import { Controller, Get, Injectable, Module, Query, ValidationPipe, type CallHandler, type CanActivate, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { completeChallengeContent, freePort } from '@samverka/testing';
import autocannon from 'autocannon';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { tap, type Observable } from 'rxjs';
import { cpuMs } from './api/proc.js';

/**
 * How much of a request's CPU NestJS's HTTP adapter takes: one small Nest application, served
 * once on Express and once on Fastify's (Samverka's adapter), with what every Samverka request
 * passes through in Nest itself (a global guard, a global interceptor, the validation pipe on a
 * query) and no database. Two routes the size of Samverka's: `/me` (a few hundred bytes) and
 * `/list` (twenty challenges, about 19 kB). autocannon loads each adapter in alternating rounds;
 * CPU is the server process's, from /proc. The difference per request is what the move from
 * Express to Fastify saved in the adapter, to set beside the CPU per request in `npm run bench:api`.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = [16, 64];
const ADAPTERS = ['express', 'fastify'] as const;
type AdapterName = (typeof ADAPTERS)[number];

class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

const user = { id: randomUUID(), email: 'sara.holm@example.org', displayName: 'Sara Holm', preferredLanguage: 'sv', roles: ['department_member'], status: 'active', createdAt: new Date().toISOString() };
const challenges = Array.from({ length: 100 }, () => ({ ...completeChallengeContent(), id: randomUUID(), departmentId: randomUUID(), state: 'draft', cohortId: null, submittedAt: null, origin: null, version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }));

@Controller()
class BenchController {
  @Get('me')
  me(): typeof user {
    return user;
  }

  @Get('list')
  list(@Query() query: PageQuery): { items: typeof challenges; nextCursor: string } {
    return { items: challenges.slice(0, query.limit), nextCursor: 'next' };
  }
}

@Injectable()
class BearerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return String(context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers.authorization).startsWith('Bearer ');
  }
}

@Injectable()
class HeaderInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<{ header?: (name: string, value: string) => void; setHeader?: (name: string, value: string) => void }>();
    return next.handle().pipe(tap(() => (response.setHeader ?? response.header)!.call(response, 'Cache-Control', 'no-store')));
  }
}

@Module({
  controllers: [BenchController],
  providers: [
    { provide: APP_GUARD, useClass: BearerGuard },
    { provide: APP_INTERCEPTOR, useClass: HeaderInterceptor },
    { provide: APP_PIPE, useValue: new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }) },
  ],
})
class BenchModule {}

if (process.argv[2] === 'serve') {
  const adapter = process.argv[3] as AdapterName;
  const app = adapter === 'fastify' ? await NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false }) : await NestFactory.create(BenchModule, { logger: false });
  await app.listen(Number(process.argv[4]), '127.0.0.1');
  process.send?.('ready');
} else {
  const servers = new Map<AdapterName, { url: string; child: ChildProcess }>();
  try {
    for (const adapter of ADAPTERS) {
      const port = await freePort();
      const child = fork(new URL(import.meta.url).pathname, ['serve', adapter, String(port)]);
      await once(child, 'message');
      servers.set(adapter, { url: `http://127.0.0.1:${port}`, child });
    }
    const rows: string[][] = [];
    for (const path of ['/me', '/list?limit=20']) {
      for (const connections of CONNECTIONS) {
        const measured = new Map<AdapterName, { rps: number; p99: number; cpu: number }[]>(ADAPTERS.map((adapter) => [adapter, []]));
        for (const { url, child } of servers.values()) await load(url + path, child.pid!, connections, 1);
        for (let round = 0; round < ROUNDS; round++) {
          for (const [adapter, { url, child }] of servers) measured.get(adapter)!.push(await load(url + path, child.pid!, connections, SECONDS));
        }
        const mean = (adapter: AdapterName, pick: (round: { rps: number; p99: number; cpu: number }) => number) => measured.get(adapter)!.reduce((sum, round) => sum + pick(round), 0) / ROUNDS;
        rows.push([
          `GET ${path}`,
          String(connections),
          ...ADAPTERS.flatMap((adapter) => [mean(adapter, (r) => r.rps).toFixed(0), `${mean(adapter, (r) => r.p99).toFixed(0)} ms`, mean(adapter, (r) => r.cpu).toFixed(3)]),
          (mean('express', (r) => r.cpu) - mean('fastify', (r) => r.cpu)).toFixed(3),
        ]);
        console.error(rows[rows.length - 1].join(' | '));
      }
    }
    const header = ['request', 'connections', 'Express req/s', 'Express p99', 'Express CPU ms/req', 'Fastify req/s', 'Fastify p99', 'Fastify CPU ms/req', 'Express − Fastify, CPU ms/req'];
    console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } finally {
    for (const { child } of servers.values()) child.kill();
  }
}

async function load(url: string, pid: number, connections: number, seconds: number): Promise<{ rps: number; p99: number; cpu: number }> {
  const before = cpuMs(pid);
  const result = await autocannon({ url, connections, duration: seconds, headers: { authorization: 'Bearer bench' } });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, cpu: (cpuMs(pid) - before) / Math.max(1, result.requests.total) };
}

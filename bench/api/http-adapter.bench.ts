/**
 * Fastify vs Express under NestJS 11, and each against the bare framework, on the same handler.
 *   node -r @swc-node/register bench/api/http-adapter.bench.ts --duration 5
 * The handler builds a small alert-list-sized JSON body; wrk drives it with 32 keep-alive connections.
 */
import 'reflect-metadata';
import { type Server as HttpServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import express from 'express';
import fastify from 'fastify';
import { durationArg, median, wrk, type WrkResult } from './wrk';

const BODY = {
  items: Array.from({ length: 20 }, (_, i) => ({
    alertId: `a-${i}`,
    colour: 'red',
    state: 'raised',
    version: i + 1,
  })),
  nextCursor: null,
};
const handler = (): typeof BODY => BODY;

@Controller('api')
class BenchController {
  @Get('alerts')
  list(): typeof BODY {
    return handler();
  }
}
@Module({ controllers: [BenchController] })
class BenchModule {}

interface Server {
  readonly url: string;
  close(): Promise<void>;
}

async function nest(kind: 'fastify' | 'express'): Promise<Server> {
  const adapter = kind === 'fastify' ? new FastifyAdapter() : new ExpressAdapter(express());
  const app: INestApplication = await NestFactory.create(BenchModule, adapter, { logger: false });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as HttpServer;
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/alerts`, close: () => app.close() };
}

async function bareFastify(): Promise<Server> {
  const f = fastify();
  f.get('/api/alerts', async () => Promise.resolve(handler()));
  await f.listen({ port: 0, host: '127.0.0.1' });
  const { port } = f.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/alerts`, close: () => f.close() };
}

async function bareExpress(): Promise<Server> {
  const app = express();
  app.get('/api/alerts', (_req, res) => {
    res.json(handler());
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/alerts`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const VARIANTS: Record<string, () => Promise<Server>> = {
  'nest+fastify': () => nest('fastify'),
  'nest+express': () => nest('express'),
  'bare fastify': bareFastify,
  'bare express': bareExpress,
};

async function main(): Promise<void> {
  const seconds = durationArg(5);
  const rounds = 3;
  const results = new Map<string, WrkResult[]>();
  for (let round = 0; round < rounds; round += 1) {
    // Interleaved rounds, so drifting load from other processes hits every variant alike.
    for (const [name, start] of Object.entries(VARIANTS)) {
      const server = await start();
      await wrk(server.url, 1); // warm-up
      const r = await wrk(server.url, seconds);
      await server.close();
      results.set(name, [...(results.get(name) ?? []), r]);
    }
  }
  const rps = (name: string): number => median((results.get(name) ?? []).map((r) => r.requestsPerSecond));
  for (const [name, rs] of results) {
    process.stdout.write(
      `${name.padEnd(14)} median ${rps(name).toFixed(0).padStart(6)} req/s  p99 ${median(rs.map((r) => r.p99Ms)).toFixed(2)} ms  (rounds: ${rs.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')})\n`,
    );
  }
  process.stdout.write(
    `nest+fastify ÷ nest+express = ${(rps('nest+fastify') / rps('nest+express')).toFixed(2)}\n` +
      `nest+fastify ÷ bare fastify = ${(rps('nest+fastify') / rps('bare fastify')).toFixed(2)}  (target ≥ 0.8)\n` +
      `nest+express ÷ bare express = ${(rps('nest+express') / rps('bare express')).toFixed(2)}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

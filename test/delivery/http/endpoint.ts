/**
 * An interactions endpoint on a free loopback port, with its key pair, its log lines and a record of what reached
 * the handler — for the HTTP tests.
 */
import { Writable } from 'node:stream';
import type { APIInteraction } from 'discord-api-types/v10';
import type { InteractionHandler } from '../../../src/delivery/http/first-response.ts';
import {
  createInteractionsServer,
  type InteractionsServer,
  type InteractionsServerOptions,
} from '../../../src/delivery/http/interactions-server.ts';
import { publicKeyFromHex } from '../../../src/delivery/http/verify-signature.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { checkRequest } from '../discord/discord-schema.ts';
import { makeKeyPair, type KeyPair } from './signed-requests.ts';

export interface Endpoint {
  url: string;
  base: string;
  keys: KeyPair;
  server: InteractionsServer;
  /** Every interaction the handler was called with. */
  received: APIInteraction[];
  logs: Array<Record<string, unknown> & { msg: string; level: number }>;
  close(): Promise<void>;
}

export async function startEndpoint(
  handler: InteractionHandler,
  options: Partial<Omit<InteractionsServerOptions, 'handler' | 'logger' | 'publicKey'>> = {},
): Promise<Endpoint> {
  const keys = makeKeyPair();
  const received: APIInteraction[] = [];
  const logs: Endpoint['logs'] = [];
  const logger = createLogger(
    'debug',
    new Writable({ write: (chunk: Buffer, _enc, done) => (logs.push(JSON.parse(chunk.toString()) as Endpoint['logs'][number]), done()) }),
  );
  const server = createInteractionsServer({
    publicKey: publicKeyFromHex(keys.publicKeyHex),
    logger,
    handler: (interaction, sendFirst) => {
      received.push(interaction);
      return handler(interaction, sendFirst);
    },
    ...options,
  });
  const address = await server.listen(0);
  const base = `http://127.0.0.1:${address.port}`;
  return { url: `${base}${options.path ?? '/interactions'}`, base, keys, server, received, logs, close: () => server.close(1_000) };
}

/** Problems Discord would find with an interaction response body; [] when it is valid. */
export const callbackProblems = (body: unknown): string[] => checkRequest('POST', '/interactions/1/token/callback', body);

/**
 * Starting HTTP interactions mode from its settings: the endpoint listens where HTTP_HOST, PORT and INTERACTIONS_PATH
 * say, verifies with DISCORD_PUBLIC_KEY, says where it listens in the log, and stops cleanly.
 */
import { Writable } from 'node:stream';
import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { HttpEnvSchema } from '../../../src/config/env.ts';
import { startHttp } from '../../../src/delivery/http/start-http.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { APP_ID, slashCommand } from '../discord/fake-discord.ts';
import { makeKeyPair, ping, postSigned } from './signed-requests.ts';

describe('starting HTTP interactions mode', () => {
  it('serves the configured path with the configured key, logs its address, and stops', async () => {
    const keys = makeKeyPair();
    const env = HttpEnvSchema.parse({
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      HTTP_HOST: '127.0.0.1',
      INTERACTIONS_PATH: '/discord/interactions',
    });
    const lines: Array<{ msg: string; port?: number }> = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as { msg: string }), done()) }),
    );
    const http = await startHttp({
      env,
      logger,
      port: 0,
      handler: (_interaction, sendFirst) =>
        sendFirst({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'answered' } }),
    });
    expect(http.url).toBe(`http://127.0.0.1:${http.address.port}/discord/interactions`);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: `HTTP interactions endpoint listening on ${http.url}`, port: http.address.port }),
    );

    expect(JSON.parse((await postSigned(http.url, keys.privateKey, ping())).text)).toEqual({ type: 1 });
    expect(JSON.parse((await postSigned(http.url, keys.privateKey, slashCommand('help', {}))).text)).toEqual({
      type: 4,
      data: { content: 'answered' },
    });
    expect((await postSigned(http.url, makeKeyPair().privateKey, ping())).status).toBe(401);

    await http.stop();
    expect(http.server.server.listening).toBe(false);
    expect(lines.at(-1)?.msg).toBe('HTTP interactions endpoint closed');
  });
});

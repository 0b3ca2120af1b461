/**
 * What a member sees when the interaction layer misbehaves in HTTP mode: Discord takes the first response from the
 * HTTP answer and waits 3 s, so an error, silence or a late answer still gets the bot's own short private apology
 * with an error id (the same id as in the log), or an empty list for autocomplete; a second first response fails
 * loudly; and a deferred answer leaves at once while the layer keeps working, which a graceful close waits for.
 */
import { Agent, request as httpRequest } from 'node:http';
import { type APIInteractionResponse, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InteractionHandler } from '../../../src/delivery/http/first-response.ts';
import { autocomplete, slashCommand } from '../discord/fake-discord.ts';
import { callbackProblems, type Endpoint, startEndpoint } from './endpoint.ts';
import { postSigned, send, signatureHeaders } from './signed-requests.ts';

const reply: APIInteractionResponse = {
  type: InteractionResponseType.ChannelMessageWithSource,
  data: { content: 'Brett McGurk is the White House Middle East coordinator.', allowed_mentions: { parse: [] } },
};
const deferral: APIInteractionResponse = {
  type: InteractionResponseType.DeferredChannelMessageWithSource,
  data: { flags: MessageFlags.Ephemeral },
};

/** A promise the test settles by hand. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { open, opened };
}

type Apology = { type: number; data: { content: string; flags: number; allowed_mentions: unknown } };

describe('the first response in HTTP mode', () => {
  let endpoint: Endpoint | undefined;
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
  });

  async function ask(handler: InteractionHandler, interaction = slashCommand('who', { name: 'McGurk' }), deadlineMs?: number) {
    endpoint = await startEndpoint(handler, deadlineMs === undefined ? {} : { deadlineMs });
    const answer = await postSigned(endpoint.url, endpoint.keys.privateKey, interaction);
    return { status: answer.status, body: JSON.parse(answer.text) as Apology, logs: endpoint.logs };
  }

  it('gives the member a private apology with an error id when the layer throws, and logs the error under that id', async () => {
    const { status, body, logs } = await ask(() => Promise.reject(new Error('index is gone')));
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const errorId = /error id `([0-9a-f]{8})`/.exec(body.data.content)?.[1];
    expect(body.data.content).toBe(`Sorry — something went wrong on our side (error id \`${errorId}\`). Please try again.`);
    expect(callbackProblems(body)).toEqual([]);
    expect(logs.find((l) => l.errorId === errorId)).toMatchObject({
      level: 50,
      msg: 'interaction failed before its first response',
      err: { message: 'index is gone' },
    });
  });

  it('answers autocomplete with no choices when the layer throws (a message is not an answer there)', async () => {
    const { body } = await ask(() => Promise.reject(new Error('boom')), autocomplete('who', 'name', 'mcg'));
    expect(body).toEqual({ type: 8, data: { choices: [] } });
    expect(callbackProblems(body)).toEqual([]);
  });

  it('apologises when the layer finishes without answering', async () => {
    const { body, logs } = await ask(() => Promise.resolve());
    expect(body.data.content).toMatch(/^Sorry — something went wrong on our side \(error id `[0-9a-f]{8}`\)/);
    expect(logs.some((l) => l.msg === 'the handler finished without a first response' && l.level === 50)).toBe(true);
  });

  it('apologises when the layer has not answered by the deadline, and refuses its late answer loudly', async () => {
    const release = gate();
    const late = gate<unknown>();
    const { body, logs } = await ask(
      async (_interaction, sendFirst) => {
        await release.opened;
        late.open(
          await sendFirst(reply).then(
            () => 'sent',
            (error: Error) => error,
          ),
        );
      },
      slashCommand('who', { name: 'McGurk' }),
      200,
    );
    expect(body.data.content).toMatch(/^Sorry — that took too long to answer \(error id `[0-9a-f]{8}`\)\. Please try again\.$/);
    expect(callbackProblems(body)).toEqual([]);
    release.open();
    const refused = await late.opened;
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/already answered with an apology \(deadline\)/);
    expect(logs.some((l) => l.msg === 'no first response within 200 ms' && l.level === 50)).toBe(true);
    expect(logs.some((l) => l.msg === 'a second first response refused' && l.level === 50)).toBe(true);
  });

  it('sends the first response only: a second one rejects and is logged', async () => {
    const second = gate<unknown>();
    const { body, logs } = await ask(async (_interaction, sendFirst) => {
      await sendFirst(reply);
      second.open(
        await sendFirst(deferral).then(
          () => 'sent',
          (error: Error) => error,
        ),
      );
    });
    expect(body).toEqual(reply);
    expect(((await second.opened) as Error).message).toMatch(
      /first response was already sent; edit or follow up through the webhook routes/,
    );
    expect(logs.some((l) => l.msg === 'a second first response refused')).toBe(true);
  });

  it('rejects a first response that is not a response object, so the layer can still answer properly', async () => {
    const { body } = await ask(async (_interaction, sendFirst) => {
      await sendFirst('hello' as unknown as APIInteractionResponse).catch(() => sendFirst(reply));
    });
    expect(body).toEqual(reply);
  });

  it('keeps the answer the layer sent when the layer throws afterwards, and logs the error', async () => {
    const { body, logs } = await ask(async (_interaction, sendFirst) => {
      await sendFirst(reply);
      throw new Error('follow-up failed');
    });
    expect(body).toEqual(reply);
    expect(logs.find((l) => l.msg === 'interaction failed after its first response')).toMatchObject({
      level: 50,
      err: { message: 'follow-up failed' },
    });
  });

  it('rejects the first response to a request Discord stopped waiting for, so the layer knows it was never seen', async () => {
    const release = gate();
    const outcome = gate<unknown>();
    endpoint = await startEndpoint(async (_interaction, sendFirst) => {
      await release.opened;
      outcome.open(
        await sendFirst(reply).then(
          () => 'sent',
          (error: Error) => error,
        ),
      );
    });
    const serverSide = new Promise<void>((resolve) =>
      endpoint?.server.server.once('connection', (socket) => socket.once('close', () => resolve())),
    );
    const received = endpoint.received.length;
    const body = JSON.stringify(slashCommand('who', { name: 'McGurk' }));
    const request = httpRequest(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatureHeaders(endpoint.keys.privateKey, body) },
      agent: new Agent({ keepAlive: false }),
    });
    request.on('error', () => undefined);
    request.end(body);
    await vi.waitFor(() => expect(endpoint?.received.length).toBe(received + 1));
    request.destroy();
    await serverSide;
    release.open();
    expect(((await outcome.opened) as Error).message).toBe('the connection closed before the response was written');
  });

  it('delivers a deferral at once while the layer keeps working, and a graceful close waits for that work', async () => {
    const finish = gate();
    let edited = false;
    endpoint = await startEndpoint(async (_interaction, sendFirst) => {
      await sendFirst(deferral);
      await finish.opened;
      edited = true; // where the layer would edit @original through the webhook route
    });
    const answer = await postSigned(endpoint.url, endpoint.keys.privateKey, slashCommand('search', { text: 'cell' }));
    expect(JSON.parse(answer.text)).toEqual(deferral);
    expect(edited).toBe(false);

    const closing = endpoint.close();
    // a new connection is refused at once, so the load balancer turns to another process
    const health = await send(`${endpoint.base}/healthz`, { method: 'GET', agent: new Agent({ keepAlive: false }) }).catch(
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(health).toBe('ECONNREFUSED');
    finish.open();
    await closing;
    expect(edited).toBe(true);
    endpoint = undefined;
  });

  it('still answers an interaction that arrived before a graceful close began, and ends its connection', async () => {
    const release = gate();
    endpoint = await startEndpoint(async (_interaction, sendFirst) => {
      await release.opened;
      await sendFirst(reply);
    });
    const received = endpoint.received.length;
    const answer = postSigned(endpoint.url, endpoint.keys.privateKey, slashCommand('who', { name: 'McGurk' }));
    await vi.waitFor(() => expect(endpoint?.received.length).toBe(received + 1));
    const closing = endpoint.close();
    release.open();
    const answered = await answer;
    expect(JSON.parse(answered.text)).toEqual(reply);
    expect(answered.headers.connection).toBe('close');
    await closing;
    endpoint = undefined;
  });

  it('reports itself down (503) when its health callback fails, so the load balancer stops sending to it', async () => {
    endpoint = await startEndpoint(() => Promise.resolve(), {
      health: () => {
        throw new Error('corpus not loaded');
      },
    });
    const health = await send(`${endpoint.base}/healthz`, { method: 'GET' });
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({ ok: false });
  });
});

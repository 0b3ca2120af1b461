/**
 * Interactions Discord never sends, signed (so past the signature check) or arriving on the gateway: a command
 * without `data`, `options` that is not a list, a type Discord does not have, and the like. The layer refuses each by
 * its shape before any handler runs — 400 from the HTTP endpoint, ignored with a warning on the gateway — so none
 * throws inside a handler, none gets an apology, and none is logged as an error.
 */
import { Writable } from 'node:stream';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { botContext } from '../../src/interactions/bot-context.ts';
import { checkInteraction, createInteractionHandler } from '../../src/interactions/dispatch.ts';
import { fixedKnowledge } from '../../src/serving/live-knowledge.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';
import { autocomplete, buttonClick, fakeMessage, messageMenu, modalSubmit, slashCommand } from '../delivery/discord/fake-discord.ts';
import { type Endpoint, startEndpoint } from '../delivery/http/endpoint.ts';
import { postSigned } from '../delivery/http/signed-requests.ts';
import { ApiTransport } from './api-transport.ts';

type Json = Record<string, unknown>;
const data = (i: Json) => i.data as Json;

/** Each malformed interaction, made from a well-formed one. */
const MALFORMED: Array<[string, () => Json]> = [
  ['a command without data', () => ({ ...slashCommand('who', { name: 'McGurk' }), data: undefined })],
  [
    'options that are not a list',
    () => {
      const i = slashCommand('who', { name: 'McGurk' });
      data(i).options = 'name=McGurk';
      return i;
    },
  ],
  [
    'options that are an object',
    () => {
      const i = autocomplete('who', 'name', 'McG');
      data(i).options = { name: 'name', value: 'McG', focused: true };
      return i;
    },
  ],
  [
    'a subcommand whose options are not a list',
    () => {
      const i = slashCommand('faq', {});
      data(i).options = [{ name: 'list', type: 1, options: 7 }];
      return i;
    },
  ],
  [
    'options nested deeper than Discord nests them',
    () => {
      const i = slashCommand('faq', {});
      data(i).options = [
        {
          name: 'a',
          type: 2,
          options: [{ name: 'b', type: 1, options: [{ name: 'c', type: 1, options: [{ name: 'd', type: 3, value: 'x' }] }] }],
        },
      ];
      return i;
    },
  ],
  ['an interaction type Discord does not have', () => ({ ...slashCommand('who', { name: 'McGurk' }), type: 99 })],
  ['a button click without the message it is on', () => ({ ...buttonClick('v1|share', fakeMessage()), message: undefined })],
  ['a button click on a message whose embeds are not a list', () => buttonClick('v1|share', fakeMessage({ embeds: 'none' }))],
  [
    'a form whose fields are not a list',
    () => {
      const i = modalSubmit('v1|faqadd', { question: 'Who?' });
      data(i).components = { question: 'Who?' };
      return i;
    },
  ],
  [
    'a form row that is not an object',
    () => {
      const i = modalSubmit('v1|faqadd', { question: 'Who?' });
      data(i).components = ['question'];
      return i;
    },
  ],
  [
    'a message command without its resolved message',
    () => {
      const i = messageMenu('Find sources', fakeMessage());
      delete data(i).resolved;
      return i;
    },
  ],
  ['an interaction without an application id', () => ({ ...slashCommand('who', { name: 'McGurk' }), application_id: undefined })],
  ['a token that is not a string', () => ({ ...slashCommand('who', { name: 'McGurk' }), token: 42 })],
];

const knowledge = fixedKnowledge(bundledKnowledge());
const lines: Array<{ level: number; msg: string; problem?: string }> = [];
const logger = createLogger(
  'debug',
  new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]), done()) }),
);
const ctx = botContext({
  env: { CORPUS_EDITOR_GUILDS: undefined, DISCORD_GUILD_ID: undefined },
  logger,
  knowledge,
  commands: COMMANDS,
  cooldownMs: 0,
});
const webhooks = new ApiTransport(ctx);
let endpoint: Endpoint;

beforeAll(async () => {
  endpoint = await startEndpoint(createInteractionHandler(ctx, webhooks.rest));
});
afterAll(() => endpoint.close());

describe('a malformed interaction', () => {
  it.each(MALFORMED)('%s: over HTTP, 400 before the layer is called, and no error logged', async (_what, make) => {
    const from = { layer: lines.length, endpoint: endpoint.logs.length, handled: endpoint.received.length };
    const reply = await postSigned(endpoint.url, endpoint.keys.privateKey, make());
    expect(reply.status).toBe(400);
    expect(endpoint.received.length).toBe(from.handled);
    expect(endpoint.logs.slice(from.endpoint).filter((l) => l.level >= 50)).toEqual([]);
    expect(endpoint.logs.slice(from.endpoint)).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'signed request is not an interaction', problem: expect.any(String) as string }),
    );
    expect(lines.slice(from.layer).filter((l) => l.level >= 50)).toEqual([]);
    expect(webhooks.sent).toEqual([]);
  });

  it.each(MALFORMED)('%s: on the gateway, ignored with a warning — nothing sent, no error logged', async (_what, make) => {
    const from = lines.length;
    const sent: APIInteractionResponse[] = [];
    await createInteractionHandler(ctx, webhooks.rest)(make() as unknown as APIInteraction, (response) => {
      sent.push(response);
      return Promise.resolve();
    });
    expect(sent).toEqual([]);
    expect(webhooks.sent).toEqual([]);
    const logged = lines.slice(from);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
    expect(logged).toEqual([
      expect.objectContaining({ level: 40, msg: 'malformed interaction ignored', problem: expect.any(String) as string }),
    ]);
  });
});

describe('the shape check', () => {
  it('takes what Discord sends, and what the layer answers in words though Discord would not send it', () => {
    const noUser = slashCommand('who', { name: 'McGurk' });
    delete noUser.member;
    const oddMember = slashCommand('who', { name: 'McGurk' });
    (oddMember.member as Json).permissions = 'lots';
    (oddMember.member as Json).roles = 'admin';
    const wrongValue = slashCommand('when', {});
    data(wrongValue).options = [{ name: 'event', type: 3, value: { evil: true } }];
    const unknownType = slashCommand('who', {});
    data(unknownType).type = 99;
    for (const interaction of [
      slashCommand('who', { name: 'McGurk' }),
      autocomplete('who', 'name', 'McG'),
      buttonClick('v1|share', fakeMessage()),
      modalSubmit('v1|faqadd', { question: 'Who?' }),
      messageMenu('Find sources', fakeMessage({ content: 'Who mediated?' })),
      noUser,
      oddMember,
      wrongValue,
      unknownType,
    ]) {
      expect(checkInteraction(interaction)).toEqual({ ok: true, interaction });
    }
  });

  it('says what is wrong', () => {
    expect(checkInteraction({ ...slashCommand('who', {}), type: 99 })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^type: /) as string,
    });
    const i = slashCommand('who', {});
    data(i).options = 'x';
    expect(checkInteraction(i)).toEqual({ ok: false, problem: expect.stringMatching(/^data\.options: .*expected array/) as string });
  });
});

/**
 * The traffic of a busy server for a load test, as Discord would post it to an HTTP endpoint: slash commands with
 * realistic queries (`benchQueries`), autocomplete as people type, "Find sources" on pasted messages, page buttons,
 * and Discord's PINGs — each interaction signed, from many different members so the per-user cooldown is not what
 * is measured. Deterministic: the same seed gives the same mix.
 */
import type { KeyObject } from 'node:crypto';
import { type APIInteractionResponse, InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { type BenchQueries, seededRandom } from './bench-queries.ts';
import { type SignedPost, signedPost } from './http-load.ts';
import type { MixedRequest } from './open-loop.ts';

const APP_ID = '111111111111111111';
const GUILD_ID = '222222222222222222';
const CHANNEL_ID = '333333333333333333';

/** How often each kind comes up, out of 100: typing (autocomplete) is the most frequent thing members do. */
export const MIX_WEIGHTS: Readonly<Record<string, number>> = {
  autocomplete: 35,
  '/search': 15,
  '/who': 12,
  '/when': 10,
  '/terms': 6,
  '/timeline': 3,
  'Find sources': 5,
  'page button': 6,
  PING: 8,
};

/** The response type a right answer to each kind has (a command may also be deferred on a large corpus). */
export function rightAnswer(kind: string, status: number, body: string): boolean {
  if (status !== 200) return false;
  let type: unknown;
  try {
    type = (JSON.parse(body) as APIInteractionResponse).type;
  } catch {
    return false;
  }
  if (kind === 'PING') return type === InteractionResponseType.Pong;
  if (kind === 'autocomplete') return type === InteractionResponseType.ApplicationCommandAutocompleteResult;
  if (kind === 'page button')
    return (
      type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate ||
      type === InteractionResponseType.ChannelMessageWithSource
    );
  return type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.DeferredChannelMessageWithSource;
}

let serial = 0n;
function interaction(type: InteractionType, data: unknown, userId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const id = String(1_300_000_000_000_000_000n + ++serial);
  const user = { id: userId, username: 'member', discriminator: '0', global_name: null, avatar: null };
  return {
    id,
    application_id: APP_ID,
    type,
    token: `load-${id}`,
    version: 1,
    data,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    member: { user, roles: [], permissions: '0', joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    ...extra,
  };
}

const command = (name: string, options: Array<{ name: string; value: string }>, userId: string) =>
  interaction(InteractionType.ApplicationCommand, { id: '1', name, type: 1, options: options.map((o) => ({ ...o, type: 3 })) }, userId);

/** A page button of an answer the endpoint gave: its custom_id and the message it sits on (embeds with their footer). */
export interface PageButton {
  customId: string;
  embeds: unknown[];
}

/**
 * The page buttons ("Next ▶") in an answer's JSON, to click them later in the mix.
 *
 * @example
 * pageButtonsIn('{"type":4,"data":{"embeds":[…],"components":[{"type":1,"components":[{"custom_id":"v1|pg|search|5|…"}]}]}}')
 * // → [{ customId: 'v1|pg|search|5|…', embeds: […] }]
 */
export function pageButtonsIn(body: string): PageButton[] {
  try {
    const response = JSON.parse(body) as {
      data?: { embeds?: unknown[]; components?: Array<{ components?: Array<{ custom_id?: string; disabled?: boolean }> }> };
    };
    const embeds = response.data?.embeds ?? [];
    return (response.data?.components ?? [])
      .flatMap((row) => row.components ?? [])
      .filter((b): b is { custom_id: string } => typeof b.custom_id === 'string' && b.custom_id.includes('|pg|') && b.disabled !== true)
      .map((b) => ({ customId: b.custom_id, embeds }));
  } catch {
    return [];
  }
}

/**
 * `size` signed interactions in the proportions of `MIX_WEIGHTS`, from `members` different users (a member comes
 * back every `members` requests, longer than the 3 s cooldown at 1,000 requests/s when `members` ≥ 3,000). Page
 * buttons click the ones in `buttons` (harvested from answers); with none, those slots go to `/search`.
 *
 * @example
 * const mix = interactionMix(privateKey, queries, { size: 6000, members: 6000, buttons: [] });
 * mix[0] // → { kind: 'autocomplete', post: { body: '{"type":4,…}', headers: {…} } }
 */
export function interactionMix(
  privateKey: KeyObject,
  queries: BenchQueries,
  options: { size: number; members: number; buttons: readonly PageButton[]; seed?: number },
): MixedRequest[] {
  const rand = seededRandom(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const kinds = Object.entries(MIX_WEIGHTS).flatMap(([kind, weight]) => Array.from({ length: weight }, () => kind));
  const mix: MixedRequest[] = [];
  for (let n = 0; n < options.size; n++) {
    const userId = String(600_000_000_000_000_000n + BigInt(n % options.members));
    let kind = pick(kinds);
    if (kind === 'page button' && options.buttons.length === 0) kind = '/search';
    const body = ((): Record<string, unknown> => {
      switch (kind) {
        case 'PING':
          return { id: String(n + 1), application_id: APP_ID, type: InteractionType.Ping, token: 'ping', version: 1 };
        case 'autocomplete': {
          const [name, option, typed] = pick([
            ['who', 'name', pick(queries.autocomplete.who)],
            ['when', 'event', pick(queries.autocomplete.when)],
            ['terms', 'topic', pick(queries.autocomplete.terms)],
          ] as const);
          return interaction(
            InteractionType.ApplicationCommandAutocomplete,
            { id: '1', name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] },
            userId,
          );
        }
        case '/who':
          return command('who', [{ name: 'name', value: pick(queries.who) }], userId);
        case '/when':
          return command('when', [{ name: 'event', value: pick(queries.when) }], userId);
        case '/terms': {
          const topic = pick(queries.terms);
          return command('terms', topic === '' ? [] : [{ name: 'topic', value: topic }], userId);
        }
        case '/timeline':
          return command('timeline', [], userId);
        case 'Find sources': {
          const message = {
            id: String(700_000_000_000_000_000n + BigInt(n)),
            channel_id: CHANNEL_ID,
            content: pick(queries.findSources),
            author: { id: '444444444444444444', username: 'someone', discriminator: '0', global_name: null, avatar: null },
            timestamp: new Date(0).toISOString(),
            edited_timestamp: null,
            tts: false,
            mention_everyone: false,
            mentions: [],
            mention_roles: [],
            attachments: [],
            embeds: [],
            pinned: false,
            type: 0,
          };
          return interaction(
            InteractionType.ApplicationCommand,
            { id: '2', name: 'Find sources', type: 3, target_id: message.id, resolved: { messages: { [message.id]: message } } },
            userId,
          );
        }
        case 'page button': {
          const button = pick(options.buttons);
          const message = {
            id: String(800_000_000_000_000_000n + BigInt(n)),
            channel_id: CHANNEL_ID,
            content: '',
            embeds: button.embeds,
            components: [],
            author: { id: APP_ID, username: 'talks-bot', discriminator: '0', global_name: null, avatar: null, bot: true },
            timestamp: new Date(0).toISOString(),
            edited_timestamp: null,
            tts: false,
            mention_everyone: false,
            mentions: [],
            mention_roles: [],
            attachments: [],
            pinned: false,
            type: 20,
            flags: 64,
          };
          return interaction(InteractionType.MessageComponent, { custom_id: button.customId, component_type: 2 }, userId, { message });
        }
        default:
          return command('search', [{ name: 'text', value: pick(queries.search) }], userId);
      }
    })();
    mix.push({ kind, post: signedPost(privateKey, body) });
  }
  return mix;
}

export type { SignedPost };

/**
 * Validates what the bot sends against Discord's published OpenAPI spec (pinned in test/fixtures/discord-api-spec/:
 * its README says why it is not taken from a package), with ajv's 2020-12 draft, plus the limits the spec does not
 * encode: 6,000 characters across a message's embeds and 100 characters for an autocomplete choice's name and value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { embedCharacters } from '../../../src/interactions/messages/discord-limits.ts';

/** Discord's OpenAPI spec, pinned in the repository at the commit its COMMIT file names. */
export const SPEC_PATH = join(import.meta.dirname, '../../fixtures/discord-api-spec/openapi.json');

const ROUTES: Array<{ method: string; pattern: RegExp; path: string }> = [
  {
    method: 'POST',
    pattern: /^\/interactions\/\d+\/[^/]+\/callback$/,
    path: '/interactions/{interaction_id}/{interaction_token}/callback',
  },
  {
    method: 'PATCH',
    pattern: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
    path: '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
  },
  { method: 'POST', pattern: /^\/webhooks\/\d+\/[^/]+$/, path: '/webhooks/{webhook_id}/{webhook_token}' },
  { method: 'POST', pattern: /^\/channels\/\d+\/messages$/, path: '/channels/{channel_id}/messages' },
  { method: 'PUT', pattern: /^\/applications\/\d+\/commands$/, path: '/applications/{application_id}/commands' },
  {
    method: 'PUT',
    pattern: /^\/applications\/\d+\/guilds\/\d+\/commands$/,
    path: '/applications/{application_id}/guilds/{guild_id}/commands',
  },
];

function pointer(path: string, method: string): string {
  const segment = path.replace(/~/g, '~0').replace(/\//g, '~1');
  return `discord#/paths/${encodeURIComponent(segment)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
}

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(method: string, path: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats.default(ajv);
    for (const f of ['snowflake', 'int32', 'int64', 'double', 'nonce', 'float']) ajv.addFormat(f, true);
    ajv.addKeyword('x-discord-union');
    ajv.addSchema(JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as object, 'discord');
  }
  const key = `${method} ${path}`;
  const known = compiled.get(key);
  if (known) return known;
  const v = ajv.compile({ $ref: pointer(path, method) });
  compiled.set(key, v);
  return v;
}

interface Embedish {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: Array<{ name: string; value: string }>;
}

/** Problems with one request body the bot sent to `path` (relative to /api/v10); [] when it is valid. */
export function checkRequest(method: string, path: string, body: unknown): string[] {
  const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
  if (!route || body === undefined) return [];
  const validate = validatorFor(method, route.path);
  const problems = validate(body) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  const data =
    (body as { data?: { embeds?: Embedish[]; choices?: Array<{ name: string; value: unknown }> } }).data ??
    (body as { embeds?: Embedish[] });
  const embeds = data.embeds ?? [];
  const total = embeds.reduce((n, e) => n + embedCharacters(e), 0);
  if (total > 6000) problems.push(`embeds total ${total} characters, over 6,000`);
  for (const c of (data as { choices?: Array<{ name: string; value: unknown }> }).choices ?? []) {
    if (c.name.length > 100 || String(c.value).length > 100) problems.push(`choice over 100 characters: ${c.name.slice(0, 40)}…`);
  }
  return problems;
}

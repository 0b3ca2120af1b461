/**
 * The properties every response to any input must have, checked on what the bot sent (the first response and each
 * webhook call): valid for Discord's OpenAPI spec with the 6,000-character embed total (the transport's check),
 * unable to ping anyone, one answer per interaction, and in the bot's own words — never a validator's, a stack
 * trace, or a value printed by mistake.
 */
import type { Sent } from '../interactions/api-transport.ts';

/** Wording that only a validator, a crash or a mistaken string conversion produces. */
const NOT_THE_BOTS_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/Invalid input/i, 'zod wording'],
  [/\b(?:expected|received) (?:string|number|boolean|object|array|undefined|null|nan|int|bigint)\b/i, 'zod wording'],
  [/Too (?:big|small):/i, 'zod wording'],
  [
    /\bmust (?:NOT )?(?:have (?:required|more|fewer|additional)|be (?:string|number|integer|boolean|object|array|null|equal|[<>]=?)|match (?:pattern|format))/,
    'ajv wording',
  ],
  [/\b(?:ZodError|TypeError|RangeError|ReferenceError|SyntaxError|SqliteError)\b/, 'an error class'],
  [/\n\s+at .+[:(]\d+/, 'a stack trace'],
  [/node_modules|file:\/\//, 'a file path'],
  [/\bundefined\b/, '"undefined"'],
  [/\[object Object\]/, '"[object Object]"'],
  [/\bNaN\b/, '"NaN"'],
];

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}

interface MessageBody {
  content?: string;
  embeds?: Embed[];
  components?: Array<{ components?: Array<{ label?: string; placeholder?: string; value?: string }> }>;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  choices?: Array<{ name: string; value: unknown }>;
  title?: string;
}

/** The text a member reads in a message, a form or a list of choices. */
function visibleText(body: MessageBody): string[] {
  return [
    body.content ?? '',
    body.title ?? '',
    ...(body.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      e.author?.name ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
    ...(body.components ?? []).flatMap((row) => (row.components ?? []).flatMap((c) => [c.label ?? '', c.placeholder ?? ''])),
    ...(body.choices ?? []).map((c) => c.name),
  ].filter((t) => t !== '');
}

/** The message a request carries, if it carries one: a reply's or an update's data, or a webhook body. */
function messageOf(sent: Sent): MessageBody | null {
  const body = sent.body as { type?: number; data?: MessageBody } & MessageBody;
  if (!body) return null;
  if (sent.route.endsWith('/callback'))
    return body.type === 4 || body.type === 7 || body.type === 9 || body.type === 8 ? (body.data ?? null) : null;
  return body;
}

/** Every string in a JSON value (keys too): what the member typed or sent, to tell it from the bot's words. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [String(value)];
  return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
}

/** Every problem with what the bot sent for `interaction`; [] when a member would see nothing wrong. */
export function problemsWith(interaction: unknown, sent: readonly Sent[]): string[] {
  const problems = sent.flatMap((s) => s.problems.map((p) => `${s.method} ${s.route}: ${p}`));
  const firsts = sent.filter((s) => s.route.endsWith('/callback'));
  if (firsts.length !== 1) problems.push(`${firsts.length} first responses instead of one`);
  const typed = stringsIn(interaction).join('\n');
  for (const s of sent) {
    const message = messageOf(s);
    if (!message) continue;
    const isMessage = message.content !== undefined || message.embeds !== undefined;
    const type = (s.body as { type?: number }).type;
    if (isMessage && type !== 9 && type !== 8) {
      const m = message.allowed_mentions;
      if (
        !m ||
        (m.parse ?? ['users', 'roles', 'everyone']).length > 0 ||
        (m.users ?? []).length > 0 ||
        (m.roles ?? []).length > 0 ||
        m.replied_user === true
      ) {
        problems.push(`${s.method} ${s.route}: a message that could ping (allowed_mentions ${JSON.stringify(m)})`);
      }
    }
    for (const text of visibleText(message)) {
      for (const [pattern, what] of NOT_THE_BOTS_WORDS) {
        // the member's own words may be shown back to them ("No FAQ entry matches "undefined"")
        if (pattern.test(text) && !pattern.test(typed))
          problems.push(`${s.method} ${s.route}: ${what} shown to the member: ${JSON.stringify(text.slice(0, 300))}`);
      }
    }
    if (/something went wrong on our side|took too long to answer/.test(message.content ?? ''))
      problems.push(`${s.method} ${s.route}: an apology for a failure: ${message.content ?? ''}`);
  }
  return problems;
}

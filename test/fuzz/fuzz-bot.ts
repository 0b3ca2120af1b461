/**
 * The bot the property tests drive: two independent copies of the real interaction layer (each with its own FAQ
 * database, its own scratch corpus for `/source-admin`, its own page queries, cooldowns and drafts) behind the
 * recording transport. Every input goes to both, and what a member would see is checked: nothing escaped, every
 * body valid for Discord, nothing can ping, the bot's own words, and both copies gave the same answer.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { COMMANDS } from '../../commands/index.ts';
import { faqSeedIn } from '../../src/delivery/bot-state.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { DraftsInMemory } from '../../src/corpus/source-drafts.ts';
import type { SourcePreview } from '../../src/serving/corpus-editor.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { PageQueries } from '../../src/interactions/quote-replies/page-queries.ts';
import { botCatalog } from '../../src/interactions/catalog.ts';
import { COOLDOWN_MS } from '../../src/interactions/bot-context.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import type { Catalog } from '../../src/interactions/components.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { scratchCorpus } from '../helpers/corpus.ts';
import { ApiTransport, type Sent } from '../interactions/api-transport.ts';
import { EDITOR_GUILD } from './interactions.ts';
import { FUZZ_OUTPUT } from './fuzz-report.ts';
import { problemsWith } from './what-members-see.ts';

/** One copy of the bot. */
interface Copy {
  catalog: Catalog;
  transport: ApiTransport;
  errors: string[];
  faq: SqliteFaqStore;
  live: LiveKnowledge;
  editor: CorpusEditor;
  drafts: DraftsInMemory<SourcePreview>;
}

/** A saved page a moderator could attach, the n-th of its kind: enough for a preview, and new to the corpus. */
const savedPage = (n: number) =>
  [
    `Qatar says hostage talks in Doha are continuing, round ${n}`,
    'By Test Reporter',
    'Published 2023-11-20',
    '',
    'Qatari mediators said on Monday that the talks on releasing hostages held in Gaza were continuing in Doha.',
    '',
    `A spokesman said both sides had been given draft number ${n}, which would pause the fighting for several days.`,
  ].join('\n');

async function copy(): Promise<Copy> {
  const errors: string[] = [];
  // an "error" log line is an interaction that failed (the member got an apology): a property fails on it
  const logger = createLogger('error', new Writable({ write: (chunk: Buffer, _enc, done) => (errors.push(chunk.toString()), done()) }));
  const faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-fuzz-faq-')));
  const corpus = scratchCorpus();
  const live = LiveKnowledge.open(corpus);
  const editor = new CorpusEditor(live);
  const drafts = new DraftsInMemory<SourcePreview>();
  const catalog = botCatalog({
    knowledge: live,
    commands: COMMANDS,
    pageQueries: new PageQueries(),
    faq,
    faqSeed: faqSeedIn(corpus),
    sources: { editor, editorGuilds: [EDITOR_GUILD], drafts, fetch: {} },
  });
  return {
    catalog,
    transport: new ApiTransport({ catalog, cooldowns: new Cooldowns(COOLDOWN_MS), logger }),
    errors,
    faq,
    live,
    editor,
    drafts,
  };
}

/** What a property reports for one input that went wrong: the input's area and every problem found. */
export class FuzzFailure extends Error {
  override name = 'FuzzFailure';
}

/**
 * What may differ between the copies: a timestamp to the minute (FAQ history) across a minute boundary, and how
 * long a corpus reload took. Nothing else may.
 */
const normalised = (sent: Sent[]) =>
  JSON.stringify(sent.map((s) => ({ method: s.method, route: s.route, body: s.body })))
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time>')
    .replace(/reloaded in \d+ ms/g, 'reloaded in <ms>');

export class FuzzBot {
  private drafts = 0;
  private readonly outcomes = new Map<string, number>();

  private constructor(private readonly copies: [Copy, Copy]) {}

  static async start(): Promise<FuzzBot> {
    const bot = new FuzzBot([await copy(), await copy()]);
    for (const c of bot.copies) {
      await c.faq.add(
        EDITOR_GUILD,
        { question: 'Who mediated the talks?', answer: 'Qatar and Egypt, with the United States.' },
        '600000000000000006',
      );
      await c.faq.add(
        EDITOR_GUILD,
        { question: '@everyone __proto__ حماس?', answer: '**not** <@123456789012345678> ${x}' },
        '600000000000000006',
      );
    }
    return bot;
  }

  /** A source preview draft with the same key in both copies, owned by `owner`: its buttons and form can be used. */
  async draft(owner: string): Promise<string> {
    const [a, b] = this.copies;
    const page = savedPage(++this.drafts);
    const key = await a.drafts.put({ prepared: a.editor.preview(page, 'saved-page.txt'), owner, guild: EDITOR_GUILD });
    // DraftsInMemory makes a random key; the second copy keeps its draft under the first copy's key, so that one
    // custom_id names the draft in both copies
    const held = (b.drafts as unknown as { drafts: Map<string, unknown> }).drafts;
    held.set(key, { prepared: b.editor.preview(page, 'saved-page.txt'), owner, guild: EDITOR_GUILD, expires: Date.now() + 30 * 60_000 });
    return key;
  }

  /**
   * Sends one interaction to both copies; throws a FuzzFailure naming every problem a member would see. Returns
   * what the first copy sent.
   */
  async check(interaction: Record<string, unknown>): Promise<Sent[]> {
    const [a, b] = this.copies;
    const sentA = await this.send(a, interaction);
    const sentB = await this.send(b, interaction);
    const problems = [...problemsWith(interaction, sentA), ...a.errors.splice(0), ...b.errors.splice(0).map((e) => `second copy: ${e}`)];
    if (normalised(sentA) !== normalised(sentB))
      problems.push(`the two copies answered differently:\n${normalised(sentA).slice(0, 600)}\n${normalised(sentB).slice(0, 600)}`);
    this.tally(sentA);
    if (problems.length > 0) throw new FuzzFailure(`${problems.join('\n')}\n— for ${JSON.stringify(interaction).slice(0, 1500)}`);
    return sentA;
  }

  private async send(c: Copy, interaction: Record<string, unknown>): Promise<Sent[]> {
    try {
      // a deep copy: a handler that changed the JSON it was given must not change what the other copy gets
      return await c.transport.handle(structuredClone(interaction));
    } catch (error) {
      throw new FuzzFailure(
        `an exception escaped the interaction layer: ${(error as Error).stack ?? String(error)}\n— for ${JSON.stringify(interaction).slice(0, 1500)}`,
      );
    }
  }

  /** Counts what the member was shown first (numbers folded), so the report shows which answers the inputs reached. */
  private tally(sent: Sent[]): void {
    const body = sent[0]?.body as
      { type?: number; data?: { content?: string; embeds?: Array<{ title?: string }>; custom_id?: string } } | undefined;
    const shown = body?.data?.content ?? body?.data?.embeds?.[0]?.title ?? body?.data?.custom_id ?? '';
    const key = `type ${body?.type ?? '?'}\t${shown.slice(0, 60).replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
  }

  /**
   * Closes the databases and writes how often each first answer was shown to `outcomes-<name>.tsv` in the fuzz
   * output folder: inputs that reach the handlers, not only the gates and the stale-button answer.
   */
  async close(name: string): Promise<void> {
    for (const c of this.copies) await c.faq.close();
    mkdirSync(FUZZ_OUTPUT, { recursive: true });
    const lines = [...this.outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`);
    writeFileSync(join(FUZZ_OUTPUT, `outcomes-${name}.tsv`), `count\tresponse\tfirst words shown\n${lines.join('\n')}\n`);
  }
}

/**
 * From raw pages to answers, as a server's moderators and members use the bot: pages shaped like the real ones the bot
 * used to miss are ingested with `npm run ingest` and no flags, then asked through `ask --json`, one process for all
 * the questions. The pages are our own words about fictional ferry talks: a quote whose speaker is only "he", an
 * event sentence with no date of its own under an opening paragraph that gives the day, roles held in two towns, a
 * name after a possessive.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyCorpus, fold } from '../helpers/corpus.ts';

/** A select-all copy of a news page: menus, headline, byline, date line, article, furniture. */
const TRUCE_PAGE = [
  'Skip to content',
  'Home',
  'World',
  '',
  'Ferry truce to begin on Sunday, mediator says',
  '',
  'By Idris Kamal',
  'Published: Wed 15 Jan 2025',
  '',
  'Mediator Norland said Wednesday that the harbour union and the ferry board had agreed to a truce in the strait starting on Sunday.',
  '',
  'Twelve crew members will be freed in the first stage of the truce, Norland’s prime minister Aksel Varn said.',
  '',
  '“The two sides have reached a deal on the crews, and the mediators announce a truce in the hope of a lasting one,” he said.',
  '',
  'The ferries are due to sail again within days.',
  '',
  'Back to top',
].join('\n');

const ENVOYS_PAGE = [
  'Harbour talks widen as two towns send their spy chiefs',
  '',
  'By Lena Voss',
  'Published: Tue 11 Feb 2025',
  '',
  'Ostend’s intelligence chief, Omar Sandqvist, flew to Dover on Monday for the harbour talks, officials said.',
  '',
  'Calais’s intelligence chief, Lena Brandt, joined the harbour talks a day later, the officials said.',
  '',
  'The union’s lawyer Rosa Moreau said the crews would decide by Friday.',
].join('\n');

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

interface Result {
  quote: string;
  date?: string;
  date_basis?: string;
  speaker?: { name: string };
  source: { id: string };
}

describe('pages the bot has never seen, ingested with no flags, then asked', () => {
  const corpus = emptyCorpus();
  const pages = mkdtempSync(join(tmpdir(), 'talks-pages-'));
  scratch.push(corpus, pages);
  writeFileSync(join(pages, 'ferry-truce.txt'), TRUCE_PAGE);
  writeFileSync(join(pages, 'harbour-envoys.txt'), ENVOYS_PAGE);
  const ingest = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', pages], {
    encoding: 'utf8',
    env: { ...process.env, CORPUS_DIR: corpus },
    timeout: 120_000,
  });
  const questions = [
    '/when Varn announced truce deal',
    '/when crew members freed',
    '/who Calais intelligence chief',
    '/who Ostend spy chief',
  ];
  const ask = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json'], {
    encoding: 'utf8',
    input: `${questions.join('\n')}\n`,
    env: { ...process.env, CORPUS_DIR: corpus },
    timeout: 120_000,
  });
  const answers = ask.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { results: Result[] });
  const top = (i: number) => answers[i]?.results[0];

  it('ingests both pages as sources', () => {
    expect(ingest.status, ingest.stderr).toBe(0);
    expect(readdirSync(join(corpus, 'sources'))).toHaveLength(2);
    expect(answers).toHaveLength(questions.length);
  });

  it('/when answers a question naming who announced with their words quoted as "he", dated by the opening paragraph', () => {
    expect(top(0)?.quote).toMatch(/the mediators announce a truce/);
    expect(top(0)).toMatchObject({ date: '2025-01-15', date_basis: 'opening-paragraph', speaker: { name: 'Aksel Varn' } });
  });

  it('/when dates an event sentence that gives no day of its own by the day its article opens with', () => {
    expect(top(1)?.quote).toMatch(/Twelve crew members will be freed/);
    expect(top(1)?.date).toBe('2025-01-15');
  });

  it('/who answers a role with the holder of that town’s role, named after a possessive', () => {
    expect(top(2)?.quote).toMatch(/Lena Brandt/);
    expect(top(3)?.quote).toMatch(/Omar Sandqvist/);
  });

  it('quotes every answer verbatim from the source it names', () => {
    for (const answer of answers) {
      for (const r of answer.results) {
        const body = fold(readFileSync(join(corpus, 'sources', `${r.source.id}.md`), 'utf8'));
        for (const part of r.quote.split(/\s*…\s*/).filter((x) => x.length > 0)) expect(body).toContain(fold(part));
      }
    }
  });
});

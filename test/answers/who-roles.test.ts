/** `/who` says each of a person's roles once, with the widest dates it was held, in every face. */
import { describe, expect, it } from 'vitest';
import { answerWho, distinctRoles } from '../../src/answers/who.ts';
import { renderText } from '../../src/render/render-text.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

describe('distinctRoles', () => {
  it('folds a role whose title says no more than another’s, held at the same time, into it, widening its dates', () => {
    expect(
      distinctRoles([
        { title: 'Qatari prime minister and foreign minister', phrases: [], from: '2023-03' },
        { title: 'Qatari prime minister', phrases: [], from: '2023-11' },
        { title: 'Foreign Minister', phrases: [], from: '2023-01', to: '2023-10' },
      ]),
    ).toEqual([{ title: 'Qatari prime minister and foreign minister', phrases: [], from: '2023-01' }]);
  });

  it('keeps roles that say something else, or were held at another time, apart and in their order', () => {
    const roles = [
      { title: 'Director of the CIA', phrases: [], from: '2021-03', to: '2025-01' },
      { title: 'Head of the political bureau', phrases: [] },
      { title: 'Director', phrases: [], from: '2026-01' },
    ];
    expect(distinctRoles(roles)).toEqual(roles);
  });

  it('keeps an end only when both the roles it folds together ended', () => {
    expect(
      distinctRoles([
        { title: 'Chief negotiator', phrases: [], from: '2023-10', to: '2024-05' },
        { title: 'Negotiator', phrases: [], from: '2024-01' },
      ]),
    ).toEqual([{ title: 'Chief negotiator', phrases: [], from: '2023-10' }]);
  });
});

describe('/who’s summary of a person', () => {
  it('names Qatar’s prime minister’s role once, not once per way the sources put it', () => {
    const answer = answerWho(bundledKnowledge(), 'Mohammed bin Abdulrahman Al Thani');
    expect(answer.entity?.roles).toEqual(['Qatari prime minister and foreign minister (2023-03–)']);
    expect(renderText(answer, 0).split('\n')[1]).toMatch(/^Qatari prime minister and foreign minister \(2023-03–\) — /);
  });
});

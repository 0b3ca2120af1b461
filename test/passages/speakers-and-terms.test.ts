import { describe, expect, it } from 'vitest';
import { tagTerms } from '../../src/passages/terms-tags.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const knowledge = bundledKnowledge();
const speakersOf = (id: string) => knowledge.passageById.get(id)?.speakers.map((s) => [s.speaker, s.entityId, s.direct]);

describe('who is speaking', () => {
  it('a direct quote followed by "X said"', () => {
    expect(speakersOf('ap-how-the-hostage-deal-came-about#34')).toContainEqual(['Netanyahu', 'benjamin-netanyahu', true]);
    expect(speakersOf('raanans-freed-2023-10-20#15')).toContainEqual(['Sunak', 'rishi-sunak', true]);
  });

  it('"he said" after a named person', () => {
    expect(speakersOf('cnn-retold-blinken-warns-qatar#12')).toContainEqual(['he', 'antony-blinken', true]);
  });

  it('reported speech: "told CNN", "according to"', () => {
    expect(speakersOf('cnn-retold-blinken-warns-qatar#1')).toContainEqual(['two US officials', null, false]);
    expect(speakersOf('ap-how-the-hostage-deal-came-about#3')).toContainEqual(['a senior White House official', null, false]);
  });
});

describe('terms tagging', () => {
  it('tags the numbers, ratio and length of a deal', () => {
    expect(tagTerms('Four-day cease-fire, and three Palestinian prisoners for each hostage.')).toEqual(['prisoners', 'ratio', 'ceasefire']);
    expect(tagTerms('Hamas would release 50 hostages in exchange for 150 Palestinian prisoners')).toEqual([
      'hostages',
      'prisoners',
      'ratio',
    ]);
  });

  it('tags red lines, proposals and rejections next to a deal', () => {
    expect(
      tagTerms('The Israeli prime minister underscored his red line: The attacks on Gaza would cease only if there was a hostage release.'),
    ).toEqual(expect.arrayContaining(['conditions', 'ceasefire']));
    expect(tagTerms('The Israelis rejected that initial proposal.')).toEqual(['proposals', 'rejections']);
  });

  it('tags what the later deals also settle: phases, withdrawal, governance, security, amnesty, rebuilding, monitoring', () => {
    expect(tagTerms('In the second stage, the army would pull back to an agreed-upon line around the harbour.')).toEqual([
      'agreement',
      'phases',
      'withdrawal',
    ]);
    expect(tagTerms('The plan calls for a temporary external administration and an international stabilization force.')).toEqual([
      'governance',
      'security',
    ]);
    expect(tagTerms('Fighters who hand over their weapons would be granted amnesty or safe passage.')).toEqual(['amnesty']);
    expect(tagTerms('A monitoring body in the capital would oversee the rebuilding of the quay.')).toEqual([
      'reconstruction',
      'monitoring',
    ]);
  });

  it('leaves passages without terms untagged', () => {
    expect(tagTerms('Qatar has a track record of assisting in difficult situations like this.')).toEqual([]);
  });
});

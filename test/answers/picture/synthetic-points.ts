/**
 * Synthetic timeline points for the picture's tests: any number of dated statements over two years, in bursts
 * (as news comes), with every granularity, stated and worked-out dates, long and short words, long outlet names,
 * copies, and an Arabic sentence now and then. Seeded: the same points on every run.
 */
import { Dice, seededRandom } from '../../bench/seeded-random.ts';
import type { Granularity } from '../../../src/dates/resolve-dates.ts';
import type { PicturePoint } from '../../../src/answers/picture/picture-point.ts';

const WORDS =
  'Hamas Qatar Israel mediators proposal hostages released cease-fire talks resumed Doha Cairo delegation agreed framework prisoners exchange aid trucks crossing negotiators envoy statement rejected accepted phase extension'.split(
    ' ',
  );
const OUTLETS = [
  'Reuters',
  'The Associated Press',
  'Al Jazeera',
  'via CNN',
  'The Times of Israel',
  'an outlet with a very long name indeed, Gazette of Record',
];
const ARABIC = 'أعلنت الحركة الإفراج عن محتجزتين أمريكيتين بوساطة قطرية';
const GRANULARITIES: Granularity[] = ['day', 'day', 'day', 'day', 'week', 'month', 'year'];

/**
 * @example
 * syntheticPoints(50).length // → 50
 */
/** Names as sentences write them: short, long, with a particle. */
const PEOPLE = ['Biden', 'Sheikh Mohammed bin Abdulrahman Al Thani', 'Netanyahu', 'Ronen Bar', 'Khalil al-Hayya'];

export function syntheticPoints(count: number, seed = 12): PicturePoint[] {
  const dice = new Dice(seededRandom(seed));
  const start = Date.parse('2023-10-07');
  let day = 0;
  return Array.from({ length: count }, (_x, i) => {
    // bursts of news, with a long silence now and then
    day += dice.rand() < 0.08 ? dice.int(40, 120) : dice.int(0, 3);
    const granularity = dice.pick(GRANULARITIES);
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    // a month or a year is dated by its first day, as the date resolver does
    const iso = granularity === 'month' ? `${date.slice(0, 7)}-01` : granularity === 'year' ? `${date.slice(0, 4)}-01-01` : date;
    const words = i % 17 === 5 ? ARABIC : Array.from({ length: dice.int(2, 30) }, () => dice.pick(WORDS)).join(' ');
    return {
      iso,
      granularity,
      inferred: dice.rand() < 0.4,
      words,
      near: words,
      outlet: dice.pick(OUTLETS),
      passageId: `synthetic-${i}#1`,
      sourceId: `synthetic-${i % 40}`,
      copies: dice.rand() < 0.1 ? dice.int(1, 4) : 0,
      // one point in three names somebody, long names among them, without drawing on the dice (the data stays as it was)
      people: i % 3 === 0 ? [{ id: `person-${i % 5}`, name: PEOPLE[i % 5] ?? '' }] : [],
    };
  });
}

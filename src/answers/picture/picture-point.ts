/**
 * A point of a picture of dates, and two points that disagree: what src/answers/picture/ decides and
 * src/render/timeline-picture/ lays out.
 */
import type { Granularity } from '../../dates/resolve-dates.ts';

export interface PicturePoint {
  /** YYYY-MM-DD, the first day of the period for a week, month or year. */
  iso: string;
  granularity: Granularity;
  /** The day was worked out (a weekday or "last month" read against the publication date, or a paragraph nearby). */
  inferred: boolean;
  /** The sentence that gives the date, without the date words: the label's text. */
  words: string;
  /** The words on either side of the date (NEAR_WORDS each way): what the date is the date of. */
  near: string;
  /** Who says so: the outlet, or what the source retells, or its id. */
  outlet: string;
  passageId: string;
  sourceId: string;
  /** Other sources that carry the same sentence with the same date. */
  copies: number;
  /** The people the sentence names (an entity id, and the name as the sentence writes it): what a phase is named by. */
  people: ReadonlyArray<{ id: string; name: string }>;
}

/** Two points that date one event on different days. */
export interface DateConflict {
  earlier: PicturePoint;
  later: PicturePoint;
}

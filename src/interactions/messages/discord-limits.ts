/**
 * Discord's message limits, and truncation that respects them: cut at a sentence end when one is near, else at a
 * word boundary, never mid-word, with an ellipsis.
 */
import { clipAtWord } from '../../text/clip.ts';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  embeds: 10,
  embedTotal: 6000,
} as const;

/**
 * @example
 * truncate('One sentence. Two sentences here.', 20) // → 'One sentence. …'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 2);
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('.” '), room.lastIndexOf('? '), room.lastIndexOf('! '));
  if (sentenceEnd > max * 0.6) return `${room.slice(0, sentenceEnd + (room[sentenceEnd + 1] === '”' ? 2 : 1))} …`;
  // else at a word, in the room the sentence cut has (max − 2 characters): "…" where it would put " …"
  return clipAtWord(text, max - 1);
}

/** Characters Discord counts toward the 6,000 across a message's embeds. */
export function embedCharacters(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: Array<{ name: string; value: string }>;
}): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

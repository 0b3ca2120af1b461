/**
 * Draft `entities.yaml` entries for the people the text names but the file lacks: the name, the roles as the text
 * states them (dated by their sources) and the passages that are the evidence, for a moderator to check and paste.
 *
 * @example
 * draftEntries(knowledge)[0] // → { name: 'Yahya Sinwar', roles: ['Hamas leader (2024-10–)'], evidence: ['…#3'], yaml: '- id: yahya-sinwar …' }
 */
import type { Knowledge } from './knowledge.ts';

export interface DraftEntry {
  name: string;
  roles: string[];
  evidence: string[];
  yaml: string;
}

const quoteYaml = (s: string) => JSON.stringify(s);

export function draftEntries(knowledge: Knowledge): DraftEntry[] {
  const drafts: DraftEntry[] = [];
  for (const e of knowledge.allEntities) {
    if (!knowledge.discoveredIds.has(e.id)) continue;
    const evidence = [...new Set(knowledge.passages.filter((p) => p.mentions.some((m) => m.entityId === e.id)).map((p) => p.id))];
    const roles = e.roles.map((r) => `${r.title}${r.from || r.to ? ` (${r.from ?? '…'}–${r.to ?? ''})` : ''}`);
    const yaml = [
      `  - id: ${e.id}`,
      `    name: ${quoteYaml(e.name)}`,
      '    kind: person',
      `    aliases: [${e.aliases.map(quoteYaml).join(', ')}]`,
      ...(e.short_forms.length > 0 ? [`    short_forms: [${e.short_forms.map(quoteYaml).join(', ')}]`] : []),
      ...(e.roles.length > 0
        ? [
            '    roles:',
            ...e.roles.map(
              (r) => `      - { title: ${quoteYaml(r.title)}${r.from ? `, from: ${r.from}` : ''}${r.to ? `, to: ${r.to}` : ''} }`,
            ),
          ]
        : []),
      `    description: ${quoteYaml(e.description)}`,
    ].join('\n');
    drafts.push({ name: e.name, roles, evidence, yaml });
  }
  return drafts.sort((a, b) => b.evidence.length - a.evidence.length || a.name.localeCompare(b.name));
}

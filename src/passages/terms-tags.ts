/**
 * Tags the passages that state terms of a deal or a proposal, by what kind of term they state. `/terms` reads these
 * tags: numbers of hostages and prisoners, exchange ratios, cease-fire length, aid, conditions and red lines, who
 * proposed, rejected or approved what — and what the later deals also settle: their phases, the Israeli withdrawal,
 * who governs Gaza, security forces and disarmament, amnesty and safe passage, reconstruction, monitoring.
 *
 * @example
 * tagTerms('Four-day cease-fire, and three Palestinian prisoners for each hostage.')
 * // → ['ceasefire', 'prisoners', 'ratio']
 */
export const TERM_TOPICS = {
  hostages: {
    label: 'hostages to be released',
    pattern:
      /\b(?:\d+|dozens|scores|all)\s+(?:[\w-]+\s+){0,3}(?:hostages|captives|detainees)\b|\b(?:women and children|civilian (?:hostages|detainees))\b/i,
  },
  prisoners: {
    label: 'Palestinian prisoners',
    pattern: /\bprisoners?\b|\bimprisoned\b|\bnon-Hamas Palestinians\b|\bPalestinian women and children\b/i,
  },
  ratio: { label: 'exchange ratio', pattern: /\bfor each\b|\bin exchange for\b|\bin return for\b|\bratio\b|\bswap\b/i },
  ceasefire: {
    label: 'cease-fire and its length',
    pattern:
      /\b(?:[\w]+-day\s+)?cease-?fire\b|\btruce\b|\bhalt (?:to )?the (?:offensive|bombing)|\bpaused?\b|\battacks on Gaza would cease\b|\bceases its attacks\b/i,
  },
  aid: { label: 'humanitarian aid', pattern: /\bhumanitarian (?:aid|assistance|access)\b|\bflow of humanitarian\b|\baid into Gaza\b/i },
  conditions: {
    label: 'conditions and red lines',
    pattern:
      /\bred line\b|\bonly if\b|\bdemand(?:ed|s)?\b|\binsist(?:ed|s)?\b|\bguarantees?\b|\bproof of life\b|\bidentif(?:ying|ications?)\b|\bunless\b|\bwithdraw\b|\bnot release any\b|\buntil an agreement\b/i,
  },
  proposals: {
    label: 'proposals and drafts',
    pattern:
      /\bpropos(?:al|als|ed)\b|\bdrafts?\b|\boffer(?:ed)?\b|\bput forward\b|\boutlined?\b|\bversion\b|\bparameters\b|\bcontours\b|\bbroad outlines\b/i,
  },
  rejections: {
    label: 'rejections',
    pattern: /\breject(?:ed|s)?\b|\brefus(?:ed|al|e)\b|\bnot (?:yet )?agreed\b|\bturned down\b|\bwent (?:dark|silent)\b/i,
  },
  agreement: {
    label: 'the agreed deal',
    pattern: /\bfinal deal\b|\bagreed\b|\bapproved\b|\bsigned off\b|\bon board\b|\bagreement\b|\blast offer\b/i,
  },
  // what the later deals also settle: who runs Gaza, who keeps it safe, who may leave, where the army stands
  phases: {
    label: 'phases and stages',
    pattern:
      /\b(?:first|second|third|final|1st|2nd|3rd)\s+(?:phase|stage)\b|\b(?:phase|stage)\s+(?:one|two|three|1|2|3)\b|\b(?:two|three)[- ](?:phase|stage)\b|\bphased\b/i,
  },
  withdrawal: {
    label: 'Israeli withdrawal',
    pattern: /\bwithdraw(?:al|s|n|ing)?\b|\bpull(?:ing|s)? (?:out|back)\b|\bredeploy(?:ment|ed)?\b|\bbuffer zone\b|\bagreed-upon line\b/i,
  },
  governance: {
    label: 'who governs Gaza',
    pattern:
      /\bgovernance\b|\b(?:external|interim|transitional|technocratic|temporary) (?:administration|authority|government|committee|body)\b|\bboard of peace\b|\bgovern(?:s|ing)? (?:the )?(?:Gaza|enclave|strip)\b|\brun (?:the )?(?:Gaza|enclave|strip)\b/i,
  },
  security: {
    label: 'security forces and disarmament',
    pattern:
      /\bstabili[sz]ation (?:force|forces|mission)\b|\binternational (?:security )?(?:force|forces|troops)\b|\bdisarm(?:ament|ed|ing|s)?\b|\bdecommission(?:ing|ed)?\b|\bdemilitari[sz](?:ation|ed|e)\b|\bweapons? (?:handover|hand over)\b/i,
  },
  amnesty: {
    label: 'amnesty and safe passage',
    pattern: /\bamnest(?:y|ies)\b|\bsafe passage\b|\bexile\b|\bleave (?:the )?(?:Gaza|enclave|strip)\b/i,
  },
  reconstruction: { label: 'reconstruction', pattern: /\breconstruct(?:ion|ed|ing)?\b|\brebuild(?:ing)?\b|\brebuilt\b/i },
  monitoring: {
    label: 'monitoring and guarantees',
    pattern: /\bmonitor(?:ing|s|ed)?\b|\bguarantors?\b|\bguarantees?\b|\bimplementation mechanism\b|\boversee(?:s|ing)?\b/i,
  },
} as const;

export type TermTopic = keyof typeof TERM_TOPICS;

/** Tags that state a term by themselves; the others count only next to one of these or a deal word. */
const SUBSTANTIVE: readonly TermTopic[] = [
  'hostages',
  'prisoners',
  'ratio',
  'ceasefire',
  'aid',
  'withdrawal',
  'governance',
  'security',
  'amnesty',
  'reconstruction',
];
const DEAL_WORD = /\b(?:deal|agreement|proposals?|release|cease-?fire|hostages?|terms|draft)\b/i;

export function tagTerms(text: string): TermTopic[] {
  const tags = (Object.keys(TERM_TOPICS) as TermTopic[]).filter((t) => TERM_TOPICS[t].pattern.test(text));
  const substantive = tags.some((t) => SUBSTANTIVE.includes(t));
  if (!substantive && !DEAL_WORD.test(text)) return [];
  return tags;
}

/** How many numeric terms a passage states: the final deal's passage states several. */
export function numericTermCount(text: string): number {
  return (
    text.match(
      /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-](?:day|hostages?|prisoners?|Palestinian|Israeli|non-Hamas)/gi,
    ) ?? []
  ).length;
}

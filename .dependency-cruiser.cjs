/**
 * The layers of talks-bot, checked by `npm run check:layers` (and so by CI): a folder may import folders of its own
 * layer or below, never above, and no files may import each other in a loop, even through type-only imports. The
 * order and why each folder stands where it does: docs/architecture.md. A new folder must be given a layer here, or
 * the check fails ("not in a layer").
 */
const LAYERS = [
  // 0. foundations: nothing of the domain
  ['src/text', 'src/lexicon', 'src/logging', 'src/config', 'src/search', 'src/errors'],
  // 1. the corpus on disk: source files, their schema, loading, writing
  ['src/corpus'],
  // 2. text analysis: what a text says (dates, passages, people and roles) and how a raw page becomes a source
  ['src/dates', 'src/passages', 'src/entities', 'src/ingest'],
  // 3. the knowledge model: everything worked out once per corpus
  ['src/knowledge', 'src/deals'],
  // 4. answers: what each command answers, decided in one place
  ['src/answers'],
  // 5. serving (live knowledge, its save, the corpus editor), the FAQ store, followed feeds, rendering
  ['src/serving', 'src/faq', 'src/feeds', 'src/render'],
  // 6. interactions: how a command is declared and run (src/commands), Discord's API JSON in, responses out
  ['src/commands', 'src/interactions'],
  // 7. the commands themselves, each declared once (commands/)
  ['commands'],
  // 8. the faces and entry points: the console, the transports, the command-line tools
  ['src/console', 'src/delivery', 'src/cli', 'src/main\\.ts'],
];

const escaped = (folder) => folder.replace(/\//g, '\\/');
const pathOf = (folders) => `^(${folders.map(escaped).join('|')})(\\/|$)`;
const allFolders = LAYERS.flat();

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((folders, layer) => ({
      name: `layer-${layer}-imports-upward`,
      comment: `layer ${layer} (${folders.join(', ')}) may not import a higher layer: see docs/architecture.md`,
      severity: 'error',
      from: { path: pathOf(folders) },
      to: { path: pathOf(LAYERS.slice(layer + 1).flat()) },
    })),
    {
      name: 'no-circular',
      comment: 'files that import each other in a loop, type-only imports included: split out what both need',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-in-a-layer',
      comment: 'every source folder has a layer in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^(src|commands)/', pathNot: pathOf(allFolders) },
      to: {},
    },
    {
      name: 'not-in-a-layer-imported',
      comment: 'every source folder has a layer in .dependency-cruiser.cjs (a file that imports nothing, too)',
      severity: 'error',
      from: {},
      to: { path: '^(src|commands)/', pathNot: pathOf(allFolders) },
    },
    {
      name: 'not-in-a-layer-unused',
      comment: 'every source folder has a layer in .dependency-cruiser.cjs (a file nothing imports, too)',
      severity: 'error',
      from: { orphan: true, path: '^(src|commands)/', pathNot: pathOf(allFolders) },
      to: {},
    },
    {
      name: 'core-never-imports-discord',
      comment: 'the core (layers 0-5) never imports discord.js: it is reached only through the interaction layer',
      severity: 'error',
      from: { path: pathOf(LAYERS.slice(0, 6).flat()) },
      to: { path: '^node_modules/(discord\\.js|@discordjs)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is followed no further, but not excluded: a rule must see an import of discord.js
    exclude: { path: '^(test|corpus|docs)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

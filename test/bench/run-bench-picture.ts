/**
 * `npm run bench:picture`: how long the timeline picture takes to build, on the bundled corpus (or CORPUS_DIR) and
 * on 500 synthetic statements: the first build in a process (fonts read), then the median of the next ten, split
 * into layout + SVG and the PNG (resvg), with the PNG's size, and the CPU time of a build (on a busy machine the
 * wall time counts the waits for a core too). A build is what a cached picture saves: `/timeline` builds once per
 * knowledge base.
 */
import { corpusDirFromEnv, loadCorpus } from '../../src/corpus/load-corpus.ts';
import { dealsOf } from '../../src/deals/deals.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { seededRandom } from './seeded-random.ts';
import { type PictureData, pictureDataOf, timelinePictureData } from '../../src/answers/picture/picture-data.ts';
import type { PicturePoint } from '../../src/answers/picture/picture-point.ts';
import { renderPictureSvg } from '../../src/render/timeline-picture/index.ts';
import { svgToPng } from '../../src/render/timeline-picture/timeline-png.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';

const RUNS = 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Five hundred dated statements over two years, in bursts, as a large corpus's timeline might be. */
function syntheticData(knowledge: Knowledge, count: number): PictureData {
  const rand = seededRandom(7);
  const points: PicturePoint[] = [];
  let day = 0;
  for (let i = 0; i < count; i++) {
    day += rand() < 0.05 ? 60 : Math.floor(rand() * 3);
    const words = `Mediators in Doha said talks on phase ${(i % 3) + 1} of the proposal resumed with delegations from Cairo and Israel`;
    points.push({
      iso: new Date(Date.parse('2023-10-07') + day * 86_400_000).toISOString().slice(0, 10),
      granularity: 'day',
      inferred: rand() < 0.4,
      words,
      near: words,
      outlet: 'Reuters',
      passageId: `s${i}#1`,
      sourceId: `s${i % 30}`,
      copies: 0,
      people: [],
    });
  }
  return pictureDataOf(knowledge, `${count} synthetic statements`, points, []);
}

function measure(name: string, knowledge: Knowledge, data: () => PictureData): void {
  const once = () => {
    const [t0, cpu0] = [performance.now(), process.cpuUsage()];
    const svg = renderPictureSvg(data(), {}, 'paths');
    const t1 = performance.now();
    const png = svgToPng(svg);
    const cpu = process.cpuUsage(cpu0);
    return {
      svg: t1 - t0,
      png: performance.now() - t1,
      cpu: (cpu.user + cpu.system) / 1000,
      bytes: png.length,
      height: png.readUInt32BE(20),
    };
  };
  const first = once();
  const runs = Array.from({ length: RUNS }, once);
  const [svg, png] = [median(runs.map((r) => r.svg)), median(runs.map((r) => r.png))];
  console.log(
    `${name}: first build ${(first.svg + first.png).toFixed(0)} ms; then median ${(svg + png).toFixed(0)} ms ` +
      `(layout + SVG ${svg.toFixed(0)} ms, PNG ${png.toFixed(0)} ms; CPU ${median(runs.map((r) => r.cpu)).toFixed(0)} ms); ` +
      `1400×${first.height} px, ${(first.bytes / 1024).toFixed(0)} KiB`,
  );
}

const knowledge = buildKnowledge(loadCorpus(corpusDirFromEnv()));
dealsOf(knowledge);
measure(`timeline picture, ${knowledge.passages.length} passages`, knowledge, () => timelinePictureData(knowledge));
measure('timeline picture, 500 synthetic statements', knowledge, () => syntheticData(knowledge, 500));

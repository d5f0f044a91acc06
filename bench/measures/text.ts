/**
 * The server's own work on long posts, beside rendering them to safe HTML as their pages do: the
 * plain-text excerpts the feed shows, made when a post is written (a feed page made them anew
 * for its 20 items until the excerpts were kept).
 */
import { excerptOf } from '../../server/src/markdown/excerpt.js';
import { renderMarkdown } from '../../server/src/markdown/render.js';
import { interleaved, median } from '../lib/repeat.js';
import { latencyFigure, withSpread, type Figure } from '../lib/report.js';
import { timeSerial, type Timing } from '../lib/stats.js';

const PAGE = 20;

/** About 2,000 characters of the Markdown people write: headings, emphasis, links, lists, a quote, code. */
function longPost(n: number): string {
  const paragraph =
    `Meetup ${n} went well: **eleven of us** at the café on the corner, two tables of [Carcassonne](https://example.org/games/${n}) ` +
    'and one long game of `Terraforming Mars` that nobody finished. Next time we start earlier — bring snacks & spare dice. ';
  return [
    `## Notes from evening ${n}`,
    paragraph.repeat(3),
    '- arrive from 18:00\n- the room is on the *first* floor\n- step-free entrance round the back',
    `> “Best night in months,” said someone who lost every game.`,
    paragraph.repeat(2),
    '```\nwho brings what: see the list at the door\n```',
    paragraph,
  ].join('\n\n');
}

export async function measureText(): Promise<Figure[]> {
  const posts = Array.from({ length: PAGE }, (_, i) => longPost(i));
  // Rendering, the baseline, in turns with the excerpts, ROUNDS times each.
  const rounds = await interleaved(
    () => timeSerial(async () => posts.map((post) => excerptOf(post)), 100, 20),
    () => timeSerial(async () => posts.map((post) => renderMarkdown(post)), 100, 20),
  );
  const medianTiming = (runs: Timing[]): Timing => ({
    samples: runs.reduce((sum, run) => sum + run.samples, 0),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    mean: median(runs.map((run) => run.mean)),
  });
  const characters = Math.round(posts.reduce((sum, post) => sum + post.length, 0) / PAGE);
  return [
    withSpread(
      latencyFigure(
        { group: 'Server work on long posts', name: `excerpts of ${PAGE} posts, made as they are written` },
        medianTiming(rounds.figures),
        {
          name: 'rendering the same posts to HTML',
          timing: medianTiming(rounds.baselines),
          meaning: 'of rendering (p50)',
        },
        `${characters} characters of Markdown each`,
      ),
      rounds.baselines.map((run) => run.p50),
    ),
  ];
}

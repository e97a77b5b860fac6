/**
 * Training workers would take every core the machine has, and the page would then wait its turn: with
 * four runs on two cores, Linux gives the main thread a fifth of the CPU, so a 9 ms redraw takes 45 ms
 * of wall time and the Lab stutters although it has little to do. Each worker is therefore told which
 * share of one core it may use (it rests between slices of work, see TrainingSession), so the runs
 * together leave RESERVED_CORES free for the page, the compositor and the chart worker.
 *
 * One core, because that is what those need with every chart on screen: a Chromium trace of the Lab
 * with four runs training and all 20 charts in view (no GPU) had the compositor at half a core, the
 * chart worker and the main thread at a third each. Leaving half a core, main-thread tasks over
 * 30 ms came 20 to 30 times in 8 s; leaving one, 9 times. On a one-core machine half of it is left.
 */
export const RESERVED_CORES = 1;
/**
 * A lesson page draws one experiment's progress and one chart tab, not twenty charts. Measured per
 * thread from /proc while lesson 5's plain-vs-resnet trained (bench/lessons/blockThreads.ts,
 * 2026-12-04 10:41–11:07 UTC, load 4–11, builds alternated), everything of Chromium but the three
 * training workers (the main thread, the compositors, the raster and GC helper threads, the chart
 * worker) used 0.16–0.25 of a core at the 125 ms window's 6–7.5 updates a second that load allowed,
 * 0.30 at 8.4 a second (load 6, start-up included in 7.6 s), and 0.14–0.19 at the 200 ms window's
 * 4–5 (messageBatching.ts). Lesson 2's page is larger (4,100–6,500 layout objects to 2,800–3,000)
 * and costs more: its he-figure-3 (11:00–11:02, load 7) 0.28–0.30 of a core at 125 ms, 0.23–0.26 at
 * 200 ms, start-up (workers created, data read) included in a run of 8 s. So a lesson leaves the
 * page a quarter of a core, about what the larger pages use, and gives the runs the rest: three runs
 * on two cores get 0.58 of a core each, two 0.875 (with half a core left, 0.5 and 0.75). A page that
 * asks more slows the runs' steps, which their pacer counts as work up to ownSlowdownFor, so they
 * rest the longer and leave it room.
 */
export const LESSON_RESERVED_CORES = 0.25;
/** Below this a run would crawl; with that many runs the page has to share anyway. */
export const MIN_CPU_SHARE = 0.1;

/**
 * The share of a core each of `trainingRuns` workers may use on a machine with `cores` cores, leaving
 * `reserved` cores (at most half the machine) to the page.
 */
export function cpuShareFor(
  trainingRuns: number,
  cores: number,
  reserved = RESERVED_CORES,
): number {
  if (trainingRuns <= 0) return 1;
  const { usable, page } = coresFor(cores, reserved);
  const share = (usable - page) / trainingRuns;
  return Math.min(1, Math.max(MIN_CPU_SHARE, share));
}

/** The cores counted (at least one) and those left to the page: `reserved`, at most half of them. */
function coresFor(cores: number, reserved: number): { usable: number; page: number } {
  const usable = Math.max(1, cores);
  return { usable, page: Math.min(reserved, usable / 2) };
}

/**
 * How many times its usual time a training step can take on a machine busy only with this page: all
 * `trainingRuns` runs computing at once beside the page using the cores left to it, so that every
 * core is asked for by (runs + reserved) / cores threads. A worker's pacer takes a slowdown up to this
 * for its own page's doing, and only one beyond it for other programs holding it back
 * (src/worker/pacer.ts): taken for other programs, the slowdown the runs caused one another made each
 * rest less and so slowed them more. The lead's idle bench:ui (2026-12-03 21:52, load 1.5–4.7, four
 * runs on two cores) had each worker in slices 67–74% of the wall clock instead of a quarter.
 */
export function ownSlowdownFor(
  trainingRuns: number,
  cores: number,
  reserved = RESERVED_CORES,
): number {
  const { usable, page } = coresFor(cores, reserved);
  return Math.max(1, (Math.max(1, trainingRuns) + page) / usable);
}

/** The logical cores the browser reports (2 where it does not say: the smallest machine we plan for). */
export function availableCores(): number {
  const cores = globalThis.navigator?.hardwareConcurrency;
  return typeof cores === 'number' && Number.isFinite(cores) && cores >= 1 ? cores : 2;
}

/**
 * `npm run bench:ui [-- --json] [-- --no-build]`
 *
 * What a learner's browser does while the Lab trains, measured in headless Chromium against the
 * production build (see docs/PERFORMANCE-UI.md for the method and the targets).
 */
import { launchBrowser } from '../../test/e2e/browser';
import { buildApp } from '../../test/e2e/previewServer';
import { measureEngineInWorker } from './engineInWorker';
import { nodeFigure } from './nodeFigure';

const MODEL = 'mlp-bn';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  if (!args.includes('--no-build')) await buildApp();
  const log = (text: string): void => void process.stderr.write(`${text}\n`);

  log(`bench:ui: ${MODEL} in Node (npm run bench -- --json)…`);
  const node = await nodeFigure(MODEL);
  const browser = await launchBrowser();
  try {
    log(`bench:ui: ${MODEL} in a browser worker…`);
    const worker = await measureEngineInWorker(browser, MODEL);
    const result = {
      engine: {
        model: MODEL,
        nodeStepsPerSecond: node.stepsPerSecond,
        workerStepsPerSecond: worker.rate.median,
        ratio: worker.rate.median / node.stepsPerSecond,
        backend: worker.backend,
        firstLossNode: node.firstLoss,
        firstLossWorker: worker.firstLoss,
      },
    };
    if (json) console.log(JSON.stringify(result, null, 2));
    else console.log(result);
  } finally {
    await browser.close();
  }
}

await main();

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { choiceFingerprint, progressCatalog } from '../../../src/lessons/progress/catalog';
import { mergeProgress } from '../../../src/lessons/progress/merge';
import { restoreProgress, serializeProgress } from '../../../src/lessons/progress/restore';
import { EMPTY_PROGRESS, type Progress } from '../../../src/lessons/progress/schema';
import { buildTrack, type Track } from '../../../src/lessons/track';
import {
  openTab as openTabOn,
  savedProgress as saved,
  tabsStartEmptyAt,
} from '../../store/progressTabs';
import { ALPHA, BETA, GAMMA } from './fixtureTrack';

const AT = '2025-03-01T10:00:00.000Z';
const LATER = '2025-04-01T10:00:00.000Z';
const CHOICES = ['Below half', 'Half or better', 'Perfect'];

/** Gamma with a choice prediction about experiment `one` and a slider about `two`. */
function predictionTrack(edit: (predictions: string) => string = (p) => p): Track {
  const predictions = `:::prediction guess
experiment: one
question: How accurate will **Net** be?
measure: { kind: finalAccuracy, run: Net }
choices:
  - { text: ${CHOICES[0]}, below: 0.5 }
  - { text: ${CHOICES[1]}, from: 0.5, below: 0.99, expected: true }
  - { text: ${CHOICES[2]}, from: 0.99 }
explanation: The spiral is easy for a two-layer net.
:::

:::prediction slide
experiment: two
question: Where will the loss of **Net** end?
measure: { kind: finalLoss, run: Net }
slider: { min: 0, max: 1, step: 0.05, expected: { below: 0.5 } }
explanation: It falls.
:::

`;
  const track = buildTrack({
    'lessons/01-alpha.md': ALPHA,
    'lessons/02-beta.md': BETA,
    'lessons/03-gamma.md': GAMMA.replace(
      ':::checkpoint both',
      `${edit(predictions)}:::checkpoint both`,
    ),
  });
  if (track.issues.length > 0) throw new Error(track.issues.map((i) => i.message).join('; '));
  return track;
}

const fingerprints = (texts: readonly string[]) => texts.map(choiceFingerprint);
const catalog = progressCatalog(predictionTrack());
const chose = (choice: number, at = AT) => ({ at, choice, choices: fingerprints(CHOICES) });

function restored(text: string, using = catalog) {
  const result = restoreProgress(text, using);
  if (!result.ok) throw new Error(result.reason);
  return result;
}
const withPredictions = (predictions: Progress['predictions']) =>
  serializeProgress({ ...EMPTY_PROGRESS, predictions });

describe('saved predictions', () => {
  it('a record saved before predictions existed restores with none and no notice', () => {
    const old: Record<string, unknown> = JSON.parse(serializeProgress(EMPTY_PROGRESS));
    delete old['predictions'];
    expect(restored(JSON.stringify(old))).toEqual({
      ok: true,
      progress: EMPTY_PROGRESS,
      notices: [],
      changed: false,
    });
  });

  it('reads back a choice and a slider value exactly as saved', () => {
    const predictions = { 'gamma/guess': chose(2), 'gamma/slide': { at: AT, value: 0.35 } };
    expect(restored(withPredictions(predictions))).toEqual({
      ok: true,
      progress: { ...EMPTY_PROGRESS, predictions },
      notices: [],
      changed: false,
    });
  });

  it('gives a choice saved without fingerprints the current choices, by index', () => {
    const result = restored(withPredictions({ 'gamma/guess': { at: AT, choice: 1 } }));
    expect(result.progress.predictions).toEqual({ 'gamma/guess': chose(1) });
    expect(result.changed).toBe(true);
  });

  it('follows a renamed prediction block through its formerIds', () => {
    const renamed = progressCatalog(
      predictionTrack((p) =>
        p.replace(':::prediction guess\n', ':::prediction how-good\nformerIds: [guess]\n'),
      ),
    );
    const result = restored(withPredictions({ 'gamma/guess': chose(1) }), renamed);
    expect(result.progress.predictions).toEqual({ 'gamma/how-good': chose(1) });
    expect(result.progress.orphaned).toBeUndefined();
    expect(result.notices).toEqual([]);
  });

  it('follows the chosen range when the choices are reordered, and keeps it when reworded in place', () => {
    const reordered = progressCatalog(
      predictionTrack((p) =>
        p.replace(
          / {2}- \{ text: Below half.*\n( {2}- .*\n)( {2}- .*\n)/,
          (_all, second: string, third: string) =>
            `${third}${second}  - { text: Below half, below: 0.5 }\n`,
        ),
      ),
    );
    const moved = restored(withPredictions({ 'gamma/guess': chose(0) }), reordered);
    expect(moved.progress.predictions['gamma/guess']).toEqual({
      at: AT,
      choice: 2,
      choices: fingerprints([CHOICES[2]!, CHOICES[1]!, CHOICES[0]!]),
    });

    const reworded = progressCatalog(
      predictionTrack((p) => p.replace('text: Below half', 'text: Under 50 %')),
    );
    const kept = restored(withPredictions({ 'gamma/guess': chose(0) }), reworded);
    expect(kept.progress.predictions['gamma/guess']).toMatchObject({ choice: 0 });
  });

  it('keeps a prediction whose block is gone aside, and it returns with the block', () => {
    const without = progressCatalog(
      buildTrack({
        'lessons/01-alpha.md': ALPHA,
        'lessons/02-beta.md': BETA,
        'lessons/03-gamma.md': GAMMA,
      }),
    );
    const aside = restored(withPredictions({ 'gamma/guess': chose(1) }), without);
    expect(aside.progress.predictions).toEqual({});
    expect(aside.progress.orphaned?.predictions).toEqual({ 'gamma/guess': chose(1) });
    expect(aside.notices).toEqual([
      '1 prediction for predictions no longer in the lessons is kept aside in your saved progress (and in exports), and will count again if it comes back.',
    ]);
    const back = restored(serializeProgress(aside.progress));
    expect(back.progress.predictions).toEqual({ 'gamma/guess': chose(1) });
    expect(back.progress.orphaned).toBeUndefined();
  });

  it('keeps a slider value outside a changed slider aside, and leaves out damaged entries', () => {
    const result = restored(
      JSON.stringify({
        ...EMPTY_PROGRESS,
        predictions: {
          'gamma/slide': { at: AT, value: 4 },
          'gamma/guess': { at: AT, choice: 'first' },
        },
      }),
    );
    expect(result.progress.predictions).toEqual({});
    expect(result.progress.orphaned?.predictions).toEqual({ 'gamma/slide': { at: AT, value: 4 } });
    expect(result.notices).toContain(
      '1 of the saved predictions could not be read and was left out.',
    );
  });

  it('merges two records: every prediction of either, the first one made where both have one', () => {
    const ours = { ...EMPTY_PROGRESS, predictions: { 'gamma/guess': chose(2, LATER) } };
    const theirs = {
      ...EMPTY_PROGRESS,
      predictions: { 'gamma/guess': chose(0, AT), 'gamma/slide': { at: LATER, value: 0.2 } },
    };
    expect(mergeProgress(ours, theirs).predictions).toEqual({
      'gamma/guess': chose(0, AT),
      'gamma/slide': { at: LATER, value: 0.2 },
    });
  });
});

describe('predictions in the store', () => {
  const track = predictionTrack();
  const NOW = new Date(LATER);
  const openTab = () => openTabOn(track);
  tabsStartEmptyAt(NOW);

  it('saves a prediction with the choices it was made among; the first one made stays', () => {
    const tab = openTab();
    tab.getState().recordPrediction('gamma/guess', { choice: 1 });
    tab.getState().recordPrediction('gamma/guess', { choice: 2 });
    expect(saved().predictions).toEqual({ 'gamma/guess': chose(1, LATER) });
    expect(openTab().getState().progress.predictions).toEqual({ 'gamma/guess': chose(1, LATER) });
  });

  it('two tabs keep each other’s predictions', () => {
    const a = openTab();
    const b = openTab();
    a.getState().recordPrediction('gamma/guess', { choice: 0 });
    b.getState().recordPrediction('gamma/slide', { value: 0.4 });
    expect(Object.keys(saved().predictions).sort()).toEqual(['gamma/guess', 'gamma/slide']);
    a.getState().progressStorageChanged();
    expect(a.getState().progress.predictions['gamma/slide']).toEqual({ at: LATER, value: 0.4 });
  });

  it('an exported file imports back its predictions, merged with those made here', () => {
    const a = openTab();
    a.getState().recordPrediction('gamma/guess', { choice: 2 });
    const file = a.getState().exportProgress();
    localStorage.clear();
    const b = openTab();
    b.getState().recordPrediction('gamma/slide', { value: 0.1 });
    expect(b.getState().previewImport(file)).toMatchObject({ ok: true, holds: '1 prediction' });
    expect(b.getState().importProgress(file).ok).toBe(true);
    expect(b.getState().progress.predictions).toEqual({
      'gamma/guess': chose(2, LATER),
      'gamma/slide': { at: LATER, value: 0.1 },
    });
  });
});

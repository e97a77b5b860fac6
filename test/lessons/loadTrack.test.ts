import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessonTrack } from '../../scripts/checkLessons';
import { loadTrack } from '../../src/lessons/loadTrack';
import { ROOT } from '../e2e/previewServer';

describe('loadTrack', () => {
  it('is the track buildTrack makes of lessons/*.md, parsed when the app is built', () => {
    const track = loadTrack();
    expect(track).toStrictEqual(buildLessonTrack(join(ROOT, 'lessons'), ROOT));
    expect(track.lessons.length).toBeGreaterThan(0);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lessons/track';
import { checkLessons } from '../../scripts/checkLessons';
import { ALPHA, BETA, GAMMA } from '../lessons/progress/fixtureTrack';

function lessonDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'normlab-lessons-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('checkLessons', () => {
  it('finds no issue in the real lessons/ folder', () => {
    const { files, issues } = checkLessons(join(process.cwd(), 'lessons'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(issues.map(formatIssue)).toEqual([]);
  });

  it('passes a valid folder and skips README.md, which documents the format', () => {
    const dir = lessonDir({
      'README.md': '# How to write lessons\n\n:::quiz\n',
      '01-alpha.md': ALPHA,
      '02-beta.md': BETA,
      '03-gamma.md': GAMMA,
    });
    expect(checkLessons(dir, dir)).toEqual({
      files: ['01-alpha.md', '02-beta.md', '03-gamma.md'],
      issues: [],
    });
  });

  it('reports every issue as file:line: message', () => {
    const broken = ALPHA.replace('norm: batchNorm', 'norm: superNorm').replace(
      'unlocks: [beta]',
      'unlocks: [delta]',
    );
    const dir = lessonDir({ '01-alpha.md': broken, '02-beta.md': BETA, '03-gamma.md': GAMMA });
    const lines = checkLessons(dir, dir).issues.map(formatIssue);
    const practiceLine = broken.split('\n').findIndex((l) => l.startsWith(':::practice')) + 1;
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^01-alpha\\.md:${practiceLine}: :::practice add-bn: requireSettings\\.0\\.settings\\.norm: "superNorm" is not one of`,
        ),
      ),
      "01-alpha.md:1: front matter: unlocks 'delta', but no lesson has that id",
    ]);
  });

  it('reports an empty folder', () => {
    const dir = lessonDir({});
    expect(checkLessons(dir, dir).issues.map(formatIssue)).toEqual([
      '.:1: no lesson files (*.md) found',
    ]);
  });
});

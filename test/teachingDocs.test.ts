import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECK_SHORTCUTS } from '../src/ui/deck/deckKeys';
import { LAB_SHORTCUTS } from '../src/ui/lab/useLabShortcuts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The text of a Markdown section, from its `## ` heading to the next one. */
function section(markdown: string, heading: string): string {
  const parts = markdown.split(new RegExp(`^## ${heading}$`, 'm'));
  expect(parts, `a section "## ${heading}"`).toHaveLength(2);
  return parts[1]!.split(/^## /m)[0]!;
}

/** A shortcut's label as the README writes it, each key in bold: "Page Down, → or ↓" → "**Page Down**, **→** or **↓**". */
const bold = (label: string): string =>
  label
    .split(/(, | or |–)/)
    .map((part) => (/^(, | or |–)$/.test(part) ? part : `**${part}**`))
    .join('');

describe('README: Teaching with normlab', () => {
  const text = section(read('../README.md'), 'Teaching with normlab');

  it('says how to present, run a deck with a speaker view, share with the room and export a chart', () => {
    for (const control of [
      'Present',
      'Present this lesson',
      'Open speaker view',
      'Share with the room',
      'Download PNG',
      'Download CSV',
      'Download history\n(CSV)',
      'Download history (JSON)',
      'Classroom link',
      'Stop at',
    ]) {
      expect(text.replace(/\s+/g, ' '), control).toContain(`**${control.replace(/\s+/g, ' ')}**`);
    }
    expect(text).toMatch(/BroadcastChannel/);
  });

  it('names every Lab and deck shortcut by its keys', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const shortcut of [...LAB_SHORTCUTS, ...DECK_SHORTCUTS]) {
      expect(flat, shortcut.label).toContain(bold(shortcut.label));
    }
  });
});

describe('lessons/README.md: speaker notes', () => {
  const text = section(read('../lessons/README.md'), 'Lecture decks and speaker notes');

  it('documents the notes: field, where it is allowed and what a scene gets without it', () => {
    expect(text).toMatch(/`notes:`/);
    expect(text).toMatch(/`experiment`, `widget` and `quiz` blocks/);
    expect(text).toMatch(/speaker view/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { SETTING_KEYS, SETTINGS } from '../../src/lab/settingsRegistry';

/** The rows of the "## Settings" table of lessons/README.md: key → [allowed values, default]. */
function documentedSettings(): Map<string, [string, string]> {
  const readme = readFileSync(new URL('../../lessons/README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Settings$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, [string, string]>();
  for (const line of section.split('\n')) {
    const cells = /^\| `(\w+)` +\| (.+?) +\| (.+?) +\|$/.exec(line);
    if (cells) rows.set(cells[1]!, [cells[2]!, cells[3]!]);
  }
  return rows;
}

describe("lessons/README.md's settings table", () => {
  const rows = documentedSettings();

  it('lists exactly the registry’s settings', () => {
    expect([...rows.keys()].sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('gives each setting its choices or range, and its default, as the registry has them', () => {
    for (const key of SETTING_KEYS) {
      const spec = SETTINGS[key];
      const [allowed, defaultCell] = rows.get(key) ?? ['', ''];
      const value = DEFAULT_RUN_SETTINGS[key];
      expect(defaultCell, key).toBe(
        typeof value === 'number' ? String(value) : `\`${String(value)}\``,
      );
      if (spec.type === 'choice') {
        for (const choice of spec.choices?.(DEFAULT_RUN_SETTINGS) ?? []) {
          expect(allowed, key).toContain(`\`${String(choice)}\``);
        }
      } else if (spec.type === 'boolean') {
        expect(allowed, key).toMatch(/^`true`, `false`/);
      } else {
        expect(allowed, key).toMatch(new RegExp(`^${spec.min} to ${spec.max}\\b`));
      }
    }
  });
});

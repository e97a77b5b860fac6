import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('test layout', () => {
  it('every file under src/engine has its tests in test/engine, mirroring the path', () => {
    const missing = sourceFiles(join(root, 'src/engine'))
      .map((file) => relative(join(root, 'src'), file).replace(/\.ts$/, '.test.ts'))
      .filter((testFile) => !existsSync(join(root, 'test', testFile)));
    expect(missing).toEqual([]);
  });
});

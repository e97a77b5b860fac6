import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Closes the run with one plain line, `e2e: N passed, N failed[, N skipped]`, after vitest's own
 * summary, so any tool reading the last line of the log sees the counts without knowing vitest.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    for (const module of modules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed outside any test (an import error, a failing beforeAll) counts once.
      if (failedHere === 0 && module.state() === 'failed') failedHere = 1;
      failed += failedHere;
    }
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed${tail}\n`);
  }
}

// Mocha's spec reporter plus one plain closing line, "<stage>: N passed, N failed", the same line the
// integration and UI stages print, so every stage of `npm test` ends with a comparable summary.
const { reporters } = require('mocha');

class SpecWithSummary extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const stage = options?.reporterOption?.stage ?? 'unit';
    runner.once('end', () => {
      const { passes, failures, pending } = runner.stats;
      console.log(`${stage}: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

module.exports = SpecWithSummary;

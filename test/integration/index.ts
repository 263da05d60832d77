// Entry point VS Code's extension host calls to run the integration suites (the contract
// @vscode/test-electron and code-server's smoke-test driver share): export run().
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`integration: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0 || passes === 0) reject(new Error(failures > 0 ? `${failures} integration test(s) failed` : 'no integration test ran'));
      else resolve();
    });
  });
}

/** Entry point VS Code calls in the extension host: runs every *.test.js beside it with mocha. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true, reporter: 'spec' });
  for (const name of fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, name));
  }
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1 } as Mocha.Stats)));
  });
  console.log(`e2e: ${stats.passes} passed, ${stats.failures} failed`);
  if (stats.failures > 0 || stats.passes === 0) throw new Error(`${stats.failures} extension-host test(s) failed`);
}

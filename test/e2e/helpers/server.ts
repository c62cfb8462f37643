// The real server for browser tests: the same helper as the API suites (fresh in-memory
// PGlite, as the e2e project sets; worker running so mail reaches the outbox), serving the
// built web app.
import fs from 'node:fs';
import path from 'node:path';
import { type ServerOptions, type TestServer, useServer } from '../../helpers/server.ts';

const WEB_INDEX = path.resolve(import.meta.dirname, '../../../web/dist/index.html');

/** Fails the file at once, with the fix, when there is no web app to test. */
export function assertWebAppBuilt(): void {
  if (!fs.existsSync(WEB_INDEX)) {
    throw new Error(
      `The web app is not built (${WEB_INDEX} is missing). Run \`npm run build:web\`, or \`npm run test:e2e\`, which builds it first.`,
    );
  }
}

/** One server per test file; checked when the file is collected, so a missing build fails it at once. */
export function useE2EServer(options: ServerOptions = {}): { server: TestServer } {
  assertWebAppBuilt();
  return useServer(options);
}

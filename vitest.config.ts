// Four projects: unit tests next to the code; the black-box API and security suites,
// once on embedded PGlite and once on PostgreSQL; and browser tests in Chromium.
import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { chromiumPath, isCI, POSTGRES_ADMIN_URL, postgresReachable } from './test/helpers/environment.ts';

const apiSuites = ['test/api/**/*.test.ts', 'test/security/**/*.test.ts'];

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const postgres = await postgresReachable();
  if (!postgres.ok) {
    const message = `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${postgres.reason}).`;
    if (isCI) throw new Error(`${message} CI=true requires it.`);
    console.warn(
      `\n⚠ ${message} Skipping the PostgreSQL half of the API tests. Set CI=true to make this an error.\n`,
    );
  }
  const chromium = chromiumPath();
  if (!chromium) {
    const message = 'Chromium was not found on PATH (apt-get install chromium).';
    if (isCI) throw new Error(`${message} CI=true requires it.`);
    console.warn(`\n⚠ ${message} Skipping the browser tests. Set CI=true to make this an error.\n`);
  }

  const apiProject = (database: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
    extends: true,
    test: {
      name: `api-${database}`,
      include: apiSuites,
      env: { TRAME_TEST_DB: database },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });

  const e2eProject: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'e2e',
      include: ['test/e2e/**/*.test.ts'],
      env: { TRAME_CHROMIUM: chromium ?? '', TRAME_TEST_DB: 'pglite' },
      testTimeout: 60_000,
      hookTimeout: 90_000,
      fileParallelism: false,
    },
  };

  return {
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: [
              'server/**/*.test.ts',
              'common/**/*.test.ts',
              'web/**/*.test.ts',
              'scripts/**/*.test.ts',
            ],
          },
        },
        apiProject('pglite'),
        ...(postgres.ok ? [apiProject('postgres')] : []),
        ...(chromium ? [e2eProject] : []),
      ],
    },
  };
});

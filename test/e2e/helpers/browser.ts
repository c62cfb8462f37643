// One headless Chromium per test file, launched from the binary the vitest project found
// (TRAME_CHROMIUM). Each person in a test gets their own browser context: own cookies,
// own storage, like a separate device.

import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

// Without the networking flags Chromium keeps calling Google services, which the closed
// test network answers slowly or not at all.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.TRAME_CHROMIUM;
  if (!executablePath) {
    throw new Error('TRAME_CHROMIUM is not set: run the browser tests with `npm run test:e2e`.');
  }
  // launch() gives the browser a fresh temporary profile, removed when it closes.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserHandle {
  browser: Browser;
  /** A fresh context (a separate "device"), closed with the browser. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * One browser for the whole test file: `const b = useBrowser(() => url);` then
 * `b.newContext()` inside tests. A script error in any page fails the test it happened in.
 */
export function useBrowser(baseURL: () => string): BrowserHandle {
  let scriptErrors: string[] = [];
  const handle = {
    newContext: async (options: BrowserContextOptions = {}) => {
      const context = await handle.browser.newContext({
        baseURL: baseURL(),
        locale: 'en-GB',
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      context.setDefaultTimeout(10_000);
      context.on('weberror', (error) => scriptErrors.push(error.error().stack ?? String(error.error())));
      return context;
    },
  } as BrowserHandle;
  beforeAll(async () => {
    handle.browser = await launchBrowser();
  });
  afterEach(() => {
    const errors = scriptErrors;
    scriptErrors = [];
    expect(errors, `Uncaught errors in the page:\n${errors.join('\n')}`).toEqual([]);
  });
  afterAll(async () => {
    await handle.browser?.close();
  });
  return handle;
}

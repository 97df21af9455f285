/**
 * Headless Chromium (Debian's /usr/bin/chromium) through playwright-core. Pages get no network:
 * every request is aborted (the HTML is set as content and needs nothing), and JavaScript is off.
 */
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/** A page that can reach nothing: all requests aborted, scripts disabled. Close its context after use. */
export async function isolatedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  await context.route('**/*', (route) => route.abort());
  return context.newPage();
}

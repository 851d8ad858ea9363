// Where the e2e browser comes from: Playwright's own Chromium when installed, else the system
// Chromium (scripts/provision-browser.mjs installs one when neither is there). Shared by the
// provisioning script and playwright.config.ts.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function playwrightChromium() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {{ kind: 'playwright' } | { kind: 'system', executablePath: string } | undefined} */
export function findBrowser() {
  if (playwrightChromium()) return { kind: 'playwright' };
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return { kind: 'system', executablePath: candidate };
  }
  return undefined;
}

/** Launch options for Playwright, whichever browser was found. */
export function browserLaunchOptions() {
  const browser = findBrowser();
  if (browser?.kind === 'system') return { executablePath: browser.executablePath, args: SYSTEM_CHROMIUM_ARGS };
  return {};
}

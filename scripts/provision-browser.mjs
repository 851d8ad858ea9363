// Makes sure a Chromium exists for the e2e tests and benchmarks, installing one if needed, and the Korean
// font the e2e draws its ID cards in (Debian's fonts-nanum), which the reader's own tests do not use.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser.mjs';

function run(command, args, timeoutMs) {
  console.log(`[provision-browser] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs });
  return result.status === 0;
}

function isDebianLike() {
  return existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

const KOREAN_FONT = 'NanumBarunGothic';
function hasKoreanFont() {
  try {
    return execFileSync('fc-list', [':family'], { encoding: 'utf8' }).includes(KOREAN_FONT);
  } catch {
    return false;
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;
function aptInstall(pkg) {
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  if (!aptUpdated) aptUpdated = run('apt-get', ['update', '-qq'], 5 * 60_000);
  return aptUpdated && run('apt-get', ['install', '-y', '-qq', pkg], 10 * 60_000);
}

if (!hasKoreanFont()) {
  if (isRoot && isDebianLike()) aptInstall('fonts-nanum');
  if (!hasKoreanFont())
    console.warn(
      `[provision-browser] The Korean e2e draws its cards in ${KOREAN_FONT}: install it (Debian: apt-get install fonts-nanum).`,
    );
}

const found = findBrowser();
if (found) {
  console.log(
    `[provision-browser] using ${found.kind === 'playwright' ? "Playwright's Chromium" : found.executablePath}`,
  );
  process.exit(0);
}

if (isRoot && isDebianLike()) {
  aptInstall('chromium');
} else {
  run('npx', ['playwright', 'install', 'chromium'], 5 * 60_000);
}

if (findBrowser()) {
  console.log('[provision-browser] Chromium is ready');
  process.exit(0);
}
console.error(
  '[provision-browser] No Chromium could be found or installed. The end-to-end tests need one: on Debian or ' +
    'Ubuntu run `sudo apt-get install chromium` (or set CHROMIUM_PATH to any Chromium or Chrome binary), ' +
    'elsewhere run `npx playwright install chromium`, then run `npm test` again.',
);
process.exit(1);

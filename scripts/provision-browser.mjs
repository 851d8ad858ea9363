// Makes sure a Chromium exists for the e2e tests and benchmarks, installing one if needed, and the Korean
// font the e2e draws its ID cards in (Debian's fonts-nanum), which the reader's own tests do not use.
// With --bench, also the fonts the Korean reader bench draws its cards in; without them the bench stops,
// since the browser would draw the cards in whatever font it has and the figures would measure that.
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
/** The font families installed, each name fontconfig gives (none when it cannot list them). */
function families() {
  try {
    return new Set(
      execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' })
        .split('\n')
        .flatMap((line) => line.split(','))
        .map((name) => name.trim()),
    );
  } catch {
    return new Set();
  }
}
const hasKoreanFont = () => families().has(KOREAN_FONT);

/** The Korean bench's fonts (scripts/reader-set/korean-layout.ts) and the Debian package of each. */
const BENCH_FONTS = {
  'Noto Sans CJK KR': 'fonts-noto-cjk',
  'Noto Serif CJK KR': 'fonts-noto-cjk',
  NanumGothic: 'fonts-nanum',
  NanumMyeongjo: 'fonts-nanum',
  UnDotum: 'fonts-unfonts-core',
};
const missingBenchFonts = () => Object.keys(BENCH_FONTS).filter((family) => !families().has(family));

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

if (process.argv.includes('--bench') && missingBenchFonts().length) {
  if (isRoot && isDebianLike()) new Set(missingBenchFonts().map((f) => BENCH_FONTS[f])).forEach(aptInstall);
  const missing = missingBenchFonts();
  if (missing.length) {
    const packages = [...new Set(missing.map((f) => BENCH_FONTS[f]))].join(' ');
    console.error(
      `[provision-browser] The Korean reader bench draws its cards in ${missing.join(', ')}: install them ` +
        `(Debian: apt-get install ${packages}).`,
    );
    process.exit(1);
  }
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

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

// The README's "Where secrets and personal data go" must name every place the app stores data.
const root = resolve(import.meta.dirname, '..');

/** Web Storage keys and IndexedDB database and store names, as the sources that store data spell them. */
function storageNames(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(join(root, 'src', file), 'utf8');
    if (!/\b(localStorage|sessionStorage|indexedDB)\b|idb-keyval/.test(text)) continue;
    for (const m of text.matchAll(/'(cardlens[.-][^']+)'/g)) names.add(m[1]);
    for (const m of text.matchAll(/createStore\(\s*'([^']+)',\s*'([^']+)'\s*\)/g)) names.add(m[1]).add(m[2]);
  }
  return [...names].sort();
}

it('the README names every storage key, database and store the app uses', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Where secrets and personal data go');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  const names = storageNames();
  expect(names).toEqual(
    expect.arrayContaining(['cardlens.connection', 'cardlens.lang', 'cardlens.keepReview', 'cardlens-review', 'cards']),
  );
  expect(names.filter((name) => !section.includes(`\`${name}\``))).toEqual([]);
  // Cleared with the tab, but not necessarily never on disk.
  expect(section).toMatch(/`sessionStorage` to disk/);
});

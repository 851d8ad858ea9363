import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardReviewSchema } from '@/model/review/review-model';

// The README's "Where secrets and personal data go" must name every place the app stores data, and
// say what a kept review holds exactly as the code that checks one does.
const root = resolve(import.meta.dirname, '..');

/** Web Storage keys and IndexedDB database and store names, as the sources that store data spell them. */
function storageNames(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(join(root, 'src', file), 'utf8');
    if (!/\b(localStorage|sessionStorage|indexedDB|Preferences)\b|idb-keyval/.test(text)) continue;
    for (const m of text.matchAll(/'(cardlens[.-][^']+)'/g)) names.add(m[1]);
    for (const m of text.matchAll(/createStore\(\s*'([^']+)',\s*'([^']+)'\s*\)/g)) names.add(m[1]).add(m[2]);
  }
  return [...names].sort();
}

function section(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Where secrets and personal data go');
  // Line breaks inside a sentence are the README's wrapping, not its words.
  return readme.slice(start, readme.indexOf('\n## ', start)).replace(/\n {2}/g, ' ');
}

/** The keys the README lists for `what`, written as "`what` … `{ a, b, c }`". */
function keysAfter(text: string, what: string): string[] {
  const list = new RegExp(`${what}[^{]*?\`\\{ ([\\w, ]+) \\}\``).exec(text);
  return list ? list[1].split(', ') : [];
}

describe("the README's storage section", () => {
  it('names every storage key, database and store the app uses', () => {
    const names = storageNames();
    expect(names).toEqual(
      expect.arrayContaining([
        'cardlens.connection',
        'cardlens.lang',
        'cardlens.keepReview',
        'cardlens-review',
        'cards',
      ]),
    );
    expect(names.filter((name) => !section().includes(`\`${name}\``))).toEqual([]);
    // Cleared with the tab, but not necessarily never on disk.
    expect(section()).toMatch(/`sessionStorage` to disk/);
  });

  it('lists the keys of a kept review as the schema that checks one does, and no file name among them', () => {
    const text = section();
    const review = Object.keys(cardReviewSchema.entries);
    const field = Object.keys(cardReviewSchema.entries.fields.value.entries);
    expect(keysAfter(text, 'An entry is')).toEqual(review);
    expect(keysAfter(text, 'each of its `fields` is')).toEqual(field);
    expect([...review, ...field]).not.toContain('file');
    expect(text).toContain('No file name and no result.');
  });

  it('says reviews reach IndexedDB only when kept, and that nothing about a card is written otherwise', () => {
    expect(section()).toContain('IndexedDB holds reviews only while _Keep reviews on this device_ is on');
    expect(section()).toContain('With the box off nothing about a card is written');
  });
});

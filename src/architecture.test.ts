import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import graph of src/ (type-only imports included, lazy import() calls not), so that a cycle
// between modules fails the tests instead of waiting for a reader to notice it.
const SRC = resolve(import.meta.dirname);
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(SRC, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

export function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(IMPORT)]
        .map((m) => resolveImport(file, m[1]))
        .filter((t): t is string => t !== null);
      return [file, targets];
    }),
  );
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('architecture', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('src/ has no import cycle', () => {
    const graph = importGraph(sourceFiles(SRC));
    expect(graph.size).toBeGreaterThan(50);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(SRC, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  // vite.config.ts declares these side-effect free, so that a module imported through one lands only in
  // the chunks of those who import it; code run at an index's top level would be dropped.
  it('the indexes of the features and the API only re-export', () => {
    const indexes = [
      ...readdirSync(join(SRC, 'features')).map((feature) => join(SRC, 'features', feature, 'index.ts')),
      join(SRC, 'api', 'index.ts'),
    ];
    expect(indexes.length).toBeGreaterThan(5);
    for (const index of indexes) {
      const statements = readFileSync(index, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean);
      const other = statements.filter((statement) => !/^export\s[\s\S]*\sfrom\s+'[^']+'$/.test(statement));
      expect(other, relative(SRC, index)).toEqual([]);
    }
  });

  // Copies that once drifted apart: each rule is written in one module of src/lib, and used from there.
  it.each([
    ['a megabyte size', 'lib/byte-size.ts', /\/\s*1024\s*\/\s*1024|\/\s*2\s*\*\*\s*20|\/\s*\(1024 \* 1024\)/],
    ['a quarter turn by EXIF orientation', 'lib/image-size.ts', /orientation\s*>=\s*5/],
    ['the pixel limit', 'lib/image-size.ts', /100_000_000|\b1e8\b/],
    ['the low-resolution rule', 'lib/image-size.ts', /<\s*(760|480)\b/],
    ['the height of a quad', 'lib/quad.ts', /Math\.hypot\(\s*q\.x4 - q\.x1/],
    ['the keyboard guard', 'lib/keyboard.ts', /isContentEditable/],
  ])('%s is worked out in %s alone', (_, home, pattern) => {
    const copies = sourceFiles(SRC)
      .map((file) => relative(SRC, file))
      .filter((file) => file !== home && pattern.test(readFileSync(join(SRC, file), 'utf8')));
    expect(copies).toEqual([]);
  });

  it('no source file in src/ is over 300 lines, data tables aside', () => {
    const tables = new Set([
      'model/text/messages-en.ts',
      'model/text/more-messages-en.ts',
      'model/text/more-messages-ko.ts',
      'model/text/messages-ko.ts',
      'api/result-codes.ts',
      'model/fields/field-names.ts',
    ]);
    const long = sourceFiles(SRC)
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ file, lines }) => lines > 300 && !tables.has(file));
    expect(long).toEqual([]);
  });
});

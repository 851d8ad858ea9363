import { describe, expect, it } from 'vitest';
import { isPasteTarget, isTypingTarget } from './keyboard';

/** As much of a DOM element as the guard reads, with contenteditable inherited as browsers do it. */
interface FakeElement {
  tagName: string;
  isContentEditable: boolean;
  getAttribute: (name: string) => string | null;
  parentElement: FakeElement | null;
}

function element(tag: string, attributes: Record<string, string> = {}, parent: FakeElement | null = null): FakeElement {
  const editable = attributes.contenteditable;
  return {
    tagName: tag.toUpperCase(),
    isContentEditable: ['', 'true', 'plaintext-only'].includes(editable ?? 'inherit')
      ? true
      : editable === 'false'
        ? false
        : (parent?.isContentEditable ?? false),
    getAttribute: (name) => attributes[name] ?? null,
    parentElement: parent,
  };
}

const body = element('body');
const editor = element('div', { contenteditable: 'true' }, body);
const textbox = element('div', { role: 'textbox' }, body);
const textarea = element('textarea', {}, body);
const island = element('span', { contenteditable: 'false' }, editor);

describe('keyboard guard', () => {
  it.each([
    ['a text input', true, true, element('input', { type: 'text' }, body)],
    ['an input with no type, which is text', true, true, element('input', {}, body)],
    ['a search input', true, true, element('input', { type: 'search' }, body)],
    ['a range, whose arrows move it', true, true, element('input', { type: 'range' }, body)],
    ['a checkbox, clicked a moment ago', false, false, element('input', { type: 'checkbox' }, body)],
    ['a radio button', false, false, element('input', { type: 'RADIO' }, body)],
    ['a file input', false, false, element('input', { type: 'file' }, body)],
    ['a textarea', true, true, textarea],
    ['a select, whose options letters pick', true, false, element('select', {}, body)],
    ['contenteditable="true"', true, true, editor],
    ['contenteditable=""', true, true, element('div', { contenteditable: '' }, body)],
    ['contenteditable="plaintext-only"', true, true, element('p', { contenteditable: 'plaintext-only' }, body)],
    ['bold text inside an editable region', true, true, element('b', {}, element('span', {}, editor))],
    ['an island marked contenteditable="false" in an editable region', false, false, island],
    ['role="textbox"', true, true, textbox],
    ['a span inside a role="textbox"', true, true, element('span', {}, textbox)],
    ['role="searchbox"', true, true, element('div', { role: 'searchbox' }, body)],
    ['a text node in a textarea', true, true, { parentElement: textarea }],
    ['a button', false, false, element('button', {}, body)],
    ['the canvas', false, false, element('canvas', { tabindex: '0' }, body)],
    ['a link with role="button"', false, false, element('a', { role: 'button' }, body)],
    ['the body', false, false, body],
    ['the window, which has no tag', false, false, {}],
    ['no target', false, false, null],
  ])('%s: a shortcut key is typed there: %s; a paste goes there: %s', (_, typing, paste, target) => {
    expect(isTypingTarget(target as unknown as EventTarget | null)).toBe(typing);
    expect(isPasteTarget(target as unknown as EventTarget | null)).toBe(paste);
  });
});

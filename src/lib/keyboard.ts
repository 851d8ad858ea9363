// Whether a key or a paste belongs to a field, so that a page's shortcuts leave it alone. Read through
// the few DOM properties it needs, so that it runs (and is tested) without a DOM.

/** What is read of an event's target: an element, a text node, or the window or document (no tag). */
interface TargetLike {
  tagName?: string;
  /** True inside any editable region: contenteditable "", "true" or "plaintext-only", and inherited. */
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
  parentElement?: TargetLike | null;
}

const TEXT_FIELDS = new Set(['INPUT', 'TEXTAREA']);
/** Inputs that take no typed text: a shortcut pressed on one (after clicking it) is the page's. */
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'color']);
/** ARIA's roles for a field that takes typed text (a searchbox is a kind of textbox). */
const TEXT_ROLES = new Set(['textbox', 'searchbox']);

function inField(target: EventTarget | null, select: boolean): boolean {
  const start = target as TargetLike | null;
  // Editability is inherited already: ask the nearest element only, so an island marked false stays out.
  if ((start?.tagName ? start : start?.parentElement)?.isContentEditable === true) return true;
  for (let node = start; node; node = node.parentElement ?? null) {
    const tag = node.tagName?.toUpperCase();
    if (tag === 'INPUT' && KEYLESS_INPUTS.has(node.getAttribute?.('type')?.toLowerCase() ?? 'text')) return false;
    if (tag && (TEXT_FIELDS.has(tag) || (select && tag === 'SELECT'))) return true;
    if (TEXT_ROLES.has(node.getAttribute?.('role') ?? '')) return true;
  }
  return false;
}

/**
 * Whether keys pressed at `target` go into a field: an input that takes text (not a checkbox, a radio
 * or a button), a textarea, a select (letters pick its options), an editable region, or an element
 * whose role is textbox. A page's keyboard shortcuts ignore them.
 */
export const isTypingTarget = (target: EventTarget | null): boolean => inField(target, true);

/** Whether a paste at `target` goes into a field: as isTypingTarget, but a select takes no paste. */
export const isPasteTarget = (target: EventTarget | null): boolean => inField(target, false);

/** Whether a modal dialog is open: a key that records something must not act on the page behind it. */
export const modalOpen = (): boolean => document.querySelector('[aria-modal="true"], dialog[open]') !== null;

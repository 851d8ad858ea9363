/**
 * Keeps keyboard focus across a screen drawn anew (the first screen giving way to the workspace): the
 * focused control, described by what a visitor would see of it, is found again in the new screen.
 */
const CONTROLS = 'button, input, select, textarea, [role="tab"]';

function describe(element: Element): string {
  const input = element instanceof HTMLInputElement ? `${element.type}|${element.name}|${element.value}` : '';
  return [element.tagName, element.getAttribute('aria-label') ?? '', input, element.textContent?.trim() ?? ''].join(
    '|',
  );
}

/** The focused control's description, or null when focus is on no control. */
export function focusedControl(): string | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active.matches(CONTROLS) ? describe(active) : null;
}

/** Focuses the control that matches `description`, unless focus is already on a control. */
export function refocus(description: string): void {
  if (focusedControl() !== null) return;
  const match = [...document.querySelectorAll<HTMLElement>(CONTROLS)].find((c) => describe(c) === description);
  match?.focus();
}

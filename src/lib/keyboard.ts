/**
 * Whether a key or a paste belongs to a field the user is typing in, so a page-wide shortcut must leave
 * it alone: inputs, text areas, selects, and anything editable or playing a text box.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  return (
    element.isContentEditable === true ||
    element.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]') !== null
  );
}

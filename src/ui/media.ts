// What kind of screen the page is on, as CSS media queries say it. The widths match styles.css.

/** One column: the card view sits below the queue, not beside it. */
export const NARROW_SCREEN = '(max-width: 760px)';
/** A finger, not a mouse: nothing hovers, and keys are not at hand. */
export const TOUCH_SCREEN = '(pointer: coarse), (hover: none)';

export const matches = (query: string): boolean => typeof matchMedia === 'function' && matchMedia(query).matches;

/** How a scroll the page starts itself moves: at once for those who asked for less motion. */
export const scrollBehaviour = (): ScrollBehavior => (matches('(prefers-reduced-motion: reduce)') ? 'auto' : 'smooth');

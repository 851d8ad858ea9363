import { useId, type ReactNode } from 'react';

interface Props {
  /** `alertdialog` when it interrupts to ask about something that is about to happen. */
  role?: 'dialog' | 'alertdialog';
  title: string;
  /** What it asks, read out with the title. */
  body: ReactNode;
  /** Escape, or a click beside the box, answers as Cancel does. */
  onCancel: () => void;
  /** Its buttons, in one row. */
  children: ReactNode;
}

/** A modal box over a backdrop: a title, a body read out with it, a row of buttons; Escape or a click beside it cancels. */
export function ModalDialog({ role = 'dialog', title, body, onCancel, children }: Props) {
  const titleId = useId();
  const bodyId = useId();
  return (
    <div className="dialog-backdrop" onClick={onCancel}>
      <div
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="dialog"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          onCancel();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId}>{body}</div>
        <div className="row">{children}</div>
      </div>
    </div>
  );
}

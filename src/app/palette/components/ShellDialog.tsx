import { useEffect, useRef, type ReactNode } from 'react';

interface ShellDialogProps {
  labelledBy: string;
  className: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A modal dialog of the shell (the palette, the shortcuts sheet): the native <dialog> keeps focus inside and the page
 * inert; Escape and a tap outside close it, and focus goes back to where it was.
 */
export function ShellDialog({ labelledBy, className, onClose, children, testId }: ShellDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`shell-dialog ${className}`}
      aria-labelledby={labelledBy}
      aria-modal="true"
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="shell-dialog-body">{children}</div>
    </dialog>
  );
}

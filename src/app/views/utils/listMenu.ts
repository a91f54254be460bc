import type { KeyboardEvent, SyntheticEvent } from 'react';

/** One list menu open at a time: opening the Views menu closes the Columns one (their panels would overlap). */
export function handleMenuToggle(event: SyntheticEvent<HTMLDetailsElement>): void {
  const menu = event.currentTarget;
  if (!menu.open) return;
  for (const other of document.querySelectorAll<HTMLDetailsElement>('details.list-menu[open]')) if (other !== menu) other.open = false;
}

/** Escape closes the menu and gives focus back to its button. */
export function handleMenuKeyDown(event: KeyboardEvent<HTMLDetailsElement>): void {
  const menu = event.currentTarget;
  if (event.key !== 'Escape' || !menu.open) return;
  event.stopPropagation();
  menu.open = false;
  menu.querySelector('summary')?.focus();
}

// Seams to the browser's ways of asking for the user's attention outside the page: system notifications and the
// app icon's badge. Both are missing in some browsers; there they do nothing.

/**
 * Shows a system notification if the user has allowed them. Phones accept notifications only through the service
 * worker, so a registered one is used first. The tag makes the same reminder from two open tabs one notification.
 */
export async function notifySystem(title: string, tag: string): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  if (registration) await registration.showNotification(title, { tag });
  else new Notification(title, { tag });
}

/** Sets the app icon's badge to a count, or clears it at 0 (installed apps in Chromium browsers show it). */
export async function setAppBadge(count: number): Promise<void> {
  if (!('setAppBadge' in navigator)) return;
  await (count ? navigator.setAppBadge(count) : navigator.clearAppBadge());
}

import { readInvitation, withoutInvitation, type InvitationRead } from '../utils/invitation';

// The invitation this page was opened with, read once per page load and then removed from the address bar and
// history, so the secret is not left on screen or in a bookmark.

let taken: { read: InvitationRead | null } | undefined;

export function takePageInvitation(): InvitationRead | null {
  if (!taken) {
    const read = readInvitation(window.location.href);
    if (read) window.history.replaceState(window.history.state, '', withoutInvitation(window.location.href));
    taken = { read };
    // A link pasted into a tab that has the app open changes only the fragment, which loads nothing: load again.
    window.addEventListener('hashchange', () => {
      if (readInvitation(window.location.href)) window.location.reload();
    });
  }
  return taken.read;
}

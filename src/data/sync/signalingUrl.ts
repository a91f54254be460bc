/** A signaling server address as the user types it: ws:// on a LAN, wss:// past it. Empty means peers off. */
export function isSignalingUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

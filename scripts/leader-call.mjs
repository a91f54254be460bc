// For end-to-end tests and benchmarks: a call to a workspace's leader tab made as another tab of the app makes it,
// a request on the workspace's request channel (src/data/tabMessages.ts), answered by the page's leader. The call takes the
// app's own road (validation, Yjs, audit, projection, sync) and leaves the page as it is: navigating would restart
// the leader and its connections.

/**
 * @param {import('playwright-core').Page} page a page of the app with a workspace open
 * @param {string} method a method of the leader's API (src/data/api/leaderApi.ts)
 * @param {...unknown} args its arguments, structured-cloneable
 * @returns {Promise<unknown>} what the method returned; rejects with the leader's error message
 */
export function callLeader(page, method, ...args) {
  return page.evaluate(
    async ([name, params]) => {
      const { workspaceId } = JSON.parse(localStorage.getItem('rapport.identity') ?? '{}');
      const channel = new BroadcastChannel(`rapport-tabs-${workspaceId}`);
      const requests = new BroadcastChannel(`rapport-requests-${workspaceId}`);
      const id = crypto.randomUUID();
      try {
        return await new Promise((resolve, reject) => {
          channel.onmessage = ({ data }) => {
            if (data.kind !== 'response' || data.id !== id) return;
            if (data.ok) resolve(data.value);
            else reject(new Error(data.error));
          };
          requests.postMessage({ kind: 'request', id, tabId: `driver-${workspaceId}`, method: name, args: params });
        });
      } finally {
        channel.close();
        requests.close();
      }
    },
    /** @type {const} */ ([method, args]),
  );
}

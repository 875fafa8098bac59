/**
 * The browser host's stand-in for the preload: the same `window.ttct` shape, carried over HTTP. Served as a same-origin script, so the strict CSP holds.
 * Every call carries the start's token (server.ts), read from the address the page was opened at.
 */
export const BRIDGE_SCRIPT = `(() => {
  const CHANNEL = /^[a-z][a-zA-Z]*\\.[a-z][a-zA-Z]*$/;
  // This start's token, from the address the host printed; kept for reloads that drop the query.
  const fromUrl = new URLSearchParams(location.search).get('t');
  if (fromUrl) sessionStorage.setItem('ttct-token', fromUrl);
  const token = fromUrl || sessionStorage.getItem('ttct-token') || '';
  const bridge = {
    invoke(channel, input) {
      if (typeof channel !== 'string' || !CHANNEL.test(channel)) return Promise.reject(new Error('Invalid channel'));
      return fetch('/invoke/' + channel, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-TTCT-Token': token },
        body: JSON.stringify(input === undefined ? null : input),
      }).then((r) => r.json());
    },
  };
  Object.defineProperty(window, 'ttct', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`;

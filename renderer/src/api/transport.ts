/**
 * How calls reach the backend: through the preload's functions in the desktop app, or
 * over HTTP to the loopback web host in a browser. Only src/api uses this file; the rest of
 * the UI goes through the typed client and the store.
 */
import type { Channel } from '../../../shared/contract/channelNames';
import { socketTransport, socketUrl } from './socketTransport';

type Invoke = (input: unknown) => Promise<unknown>;

declare global {
  interface Window {
    /** Set by the Electron preload: one function per contract channel. */
    claimdesk?: Partial<Record<Channel, Invoke>>;
  }
}

export interface Transport {
  kind: 'ipc' | 'http';
  invoke(channel: Channel, input: unknown): Promise<unknown>;
}

const TOKEN_KEY = 'claimdesk.token';

/**
 * The web host passes its token in the URL fragment (never sent to a server, never in its
 * logs). It is kept for this tab only and removed from the address bar.
 */
function takeToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

/** The web host's access token, for the calls made outside the contract (uploads). */
export function authToken(): string {
  token ??= takeToken();
  return token;
}

function httpTransport(): Transport {
  const token = authToken();
  return {
    kind: 'http',
    async invoke(channel, input) {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message:
              'The web host refused this page: its access token is missing or out of date. Open the link the web host printed when it started.',
          },
        };
      }
      return response.json() as Promise<unknown>;
    },
  };
}

function ipcTransport(bridge: Partial<Record<Channel, Invoke>>): Transport {
  return {
    kind: 'ipc',
    invoke(channel, input) {
      const fn = bridge[channel];
      if (!fn)
        return Promise.reject(new Error(`The desktop bridge has no function for ${channel}.`));
      return fn(input);
    },
  };
}

export function createTransport(): Transport {
  if (window.claimdesk) return ipcTransport(window.claimdesk);
  // In a browser: the web host's socket, with HTTP beneath it (socketTransport.ts).
  return socketTransport(
    authToken(),
    httpTransport(),
    (url, protocols, on) => {
      const ws = new WebSocket(url, protocols);
      ws.onmessage = (event) => on.message(event.data);
      ws.onclose = () => on.close();
      return ws;
    },
    socketUrl(window.location),
  );
}

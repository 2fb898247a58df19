/**
 * The web host's request checks (DESIGN.md, "web host"): it listens on 127.0.0.1 only, and
 * on top of that refuses a foreign Host header (DNS rebinding), a foreign Origin (another
 * site in the user's browser), and any API call without the per-launch token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardConfig {
  port: number;
  token: string;
}

const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

export function hostAllowed(req: IncomingMessage, { port }: GuardConfig): boolean {
  const host = req.headers.host;
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** Same-origin requests from our page carry our origin or none at all. */
export function originAllowed(req: IncomingMessage, { port }: GuardConfig): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/** `Authorization: Bearer <token>` compared in constant time. */
export function tokenValid(req: IncomingMessage, guard: GuardConfig): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (\S+)$/.exec(header);
  return tokenMatches(match?.[1], guard);
}

/** A token given some other way (the WebSocket's subprotocol), compared in constant time. */
export function tokenMatches(given: string | undefined, { token }: GuardConfig): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The network policy of every page isdeck loads a deck into (PDF export, `lint --render`):
 * no request leaves the machine unless the user asked (`--allow-remote`, or `allowRemote: true`
 * in the configuration). The document is self-contained (fonts and workspace pictures are
 * `data:` URLs), so any other request is something the deck's CSS or pictures name: an
 * `@import`, a `url()` in `style` or `<style>`, `_backgroundImage`, `![](https://…)`.
 *
 * Every request of the page goes through a playwright route: `data:`, `blob:` and `about:`
 * pass; web requests are refused unless remote loading is allowed, and then fetched with a
 * per-request timeout (a server that never answers costs 10 s, not the page's whole load
 * time); anything else (`file:`) is refused. What was not loaded is returned, to be reported
 * with the slide that names it.
 */
import type { Page, Route, WebSocketRoute } from 'playwright-core';

export interface NetworkPolicy {
  /** Let the page load web resources (`--allow-remote`, `allowRemote: true`). */
  allowRemote: boolean;
  /** With remote loading allowed: how long one request may take (default {@link REQUEST_TIMEOUT_MS}). */
  requestTimeoutMs?: number;
}

/** A network policy that lets nothing out: what a page gets unless told otherwise. */
export const NO_REMOTE: NetworkPolicy = { allowRemote: false };

/** How long one allowed request may take. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** A request the page made that was not answered. */
export interface RefusedRequest {
  url: string;
  /** `blocked`: not allowed; `timed-out`: allowed, no answer in time; `failed`: allowed, it failed. */
  outcome: 'blocked' | 'timed-out' | 'failed';
  /** Why it failed (`failed` only). */
  detail?: string;
}

const IN_PAGE = /^(?:data|blob|about):/i;
const WEB = /^(?:https?|wss?):/i;

/** The policy a page's route applies, changed per deck (pages are reused from deck to deck). */
interface Guard {
  policy: NetworkPolicy;
  refused: RefusedRequest[];
  /** Whether the page asked for anything beyond its own document since the deck began. */
  reached: boolean;
}

const guards = new WeakMap<Page, Promise<Guard>>();

/** The page's guard, routes installed on first use; until a deck sets a policy, nothing goes out. */
function guardOf(page: Page): Promise<Guard> {
  let guard = guards.get(page);
  if (!guard) {
    guard = install(page);
    guards.set(page, guard);
  }
  return guard;
}

async function install(page: Page): Promise<Guard> {
  const guard: Guard = { policy: NO_REMOTE, refused: [], reached: false };
  await page.route('**/*', (route) => handleRequest(route, guard));
  await page.routeWebSocket(/.*/, (socket) => handleSocket(socket, guard));
  return guard;
}

async function handleRequest(route: Route, guard: Guard): Promise<void> {
  // Taken now: a request still running when its deck is done is reported with that deck.
  const { policy, refused } = guard;
  const url = route.request().url();
  if (IN_PAGE.test(url)) return route.continue();
  guard.reached = true;
  if (!policy.allowRemote || !WEB.test(url)) {
    refused.push({ url, outcome: 'blocked' });
    return route.abort('blockedbyclient');
  }
  try {
    const response = await route.fetch({ timeout: policy.requestTimeoutMs ?? REQUEST_TIMEOUT_MS });
    await route.fulfill({ response });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    refused.push(timedOut ? { url, outcome: 'timed-out' } : { url, outcome: 'failed', detail: firstLine(error) });
    await route.abort(timedOut ? 'timedout' : 'failed').catch(() => undefined);
  }
}

function handleSocket(socket: WebSocketRoute, guard: Guard): void {
  guard.reached = true;
  if (guard.policy.allowRemote) {
    socket.connectToServer();
    return;
  }
  guard.refused.push({ url: socket.url(), outcome: 'blocked' });
  void socket.close().catch(() => undefined);
}

/** A deck's time on a page: the policy its requests go through, and those not answered so far. */
export interface NetworkSession {
  readonly refused: readonly RefusedRequest[];
  /**
   * Whether the page may serve another deck: it asked for nothing beyond its own document.
   * A page that did keeps what it fetched, and what was refused, in its memory cache, and
   * would show (or silently lack) it for the next deck without a request the route sees.
   */
  readonly reusable: boolean;
  /** Back to letting nothing out; returns what was not answered. */
  end(): RefusedRequest[];
}

/**
 * Puts every request `page` makes from now on (loading the deck, printing, measuring) under
 * `policy`, until the session ends.
 */
export async function startNetworkSession(page: Page, policy: NetworkPolicy): Promise<NetworkSession> {
  const guard = await guardOf(page);
  const refused: RefusedRequest[] = [];
  guard.policy = policy;
  guard.refused = refused;
  guard.reached = false;
  return {
    refused,
    get reusable() {
      return !guard.reached;
    },
    end() {
      if (guard.refused === refused) {
        guard.policy = NO_REMOTE;
        guard.refused = [];
      }
      return refused;
    },
  };
}

/** Why a request was not answered, as a sentence that names it. */
export function describeRefusedRequest(request: RefusedRequest, policy: NetworkPolicy): string {
  const what = `\`${request.url.length > 120 ? `${request.url.slice(0, 119)}…` : request.url}\``;
  if (request.outcome === 'timed-out') {
    return `The resource ${what} did not answer within ${Math.round((policy.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) / 1000)} s, and was left out.`;
  }
  if (request.outcome === 'failed') return `The resource ${what} could not be loaded (${request.detail ?? 'no answer'}), and was left out.`;
  if (WEB.test(request.url)) {
    return `The resource ${what} was not loaded: isdeck makes no network request unless asked (\`--allow-remote\`, or \`allowRemote: true\` in the configuration).`;
  }
  return `The resource ${what} was not loaded: a page loads only what isdeck embedded in it (link pictures as \`![](path)\` inside the workspace, so they are embedded).`;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? text).trim();
}

/**
 * Replays: a signed request captured on its way to the endpoint stays valid for the five minutes of the signature
 * window, so the endpoint remembers the ids it has acted on for that long. The same interaction sent again — the
 * very bytes, or signed again with a fresh timestamp — gets 409 and the interaction layer is not called a second
 * time; an unsigned request cannot mark an id as seen; PINGs (which do nothing) are always answered; and an id is
 * forgotten once its signature could no longer pass, or when the bounded set is full (oldest first).
 */
import { describe, expect, it } from 'vitest';
import { SeenInteractions } from '../../../src/delivery/http/seen-interactions.ts';
import { MAX_AGE_SECONDS } from '../../../src/delivery/http/verify-signature.ts';
import { buttonClick, fakeMessage } from '../discord/fake-discord.ts';
import { startEndpoint } from './endpoint.ts';
import { makeKeyPair, nowSeconds, ping, postSigned, send, signatureHeaders } from './signed-requests.ts';

describe('a replayed interaction over HTTP', () => {
  it('is acted on once: the same signed request again gets 409, whether the very bytes or signed anew', async () => {
    const endpoint = await startEndpoint((_interaction, sendFirst) => sendFirst({ type: 6 }));
    try {
      // a moderator's click on "Add" of a source preview, captured on the way
      const click = buttonClick('v1|src|add|0a1b2c3d', fakeMessage(), '610000000000000061');
      const body = JSON.stringify(click);
      const headers = { 'content-type': 'application/json', ...signatureHeaders(endpoint.keys.privateKey, body) };
      expect((await send(endpoint.url, { headers, body })).status).toBe(200);
      const again = await send(endpoint.url, { headers, body });
      expect([again.status, again.text]).toEqual([409, 'interaction already received\n']);
      const resigned = await postSigned(endpoint.url, endpoint.keys.privateKey, click, { timestamp: nowSeconds() + 30 });
      expect(resigned.status).toBe(409);
      expect(endpoint.received).toHaveLength(1);
      expect(endpoint.logs.filter((l) => l.msg === 'replayed interaction refused: this id was answered already')).toEqual([
        expect.objectContaining({ level: 40, interactionId: click.id, type: 3 }),
        expect.objectContaining({ level: 40, interactionId: click.id, type: 3 }),
      ]);
      // another interaction is answered as ever
      expect(
        (await postSigned(endpoint.url, endpoint.keys.privateKey, buttonClick('v1|src|add|0a1b2c3d', fakeMessage(), '610000000000000061')))
          .status,
      ).toBe(200);
      expect(endpoint.received).toHaveLength(2);
    } finally {
      await endpoint.close();
    }
  });

  it('cannot be blocked by a forger: an unsigned request with the id does not mark it as seen', async () => {
    const endpoint = await startEndpoint((_interaction, sendFirst) => sendFirst({ type: 6 }));
    try {
      const click = buttonClick('v1|share', fakeMessage());
      const body = JSON.stringify(click);
      const forged = await send(endpoint.url, {
        headers: { 'content-type': 'application/json', ...signatureHeaders(makeKeyPair().privateKey, body) },
        body,
      });
      expect(forged.status).toBe(401);
      expect((await postSigned(endpoint.url, endpoint.keys.privateKey, click)).status).toBe(200);
      expect(endpoint.received).toHaveLength(1);
    } finally {
      await endpoint.close();
    }
  });

  it('answers a PING every time: it acts on nothing', async () => {
    const endpoint = await startEndpoint((_interaction, sendFirst) => sendFirst({ type: 6 }));
    try {
      const pong = ping();
      expect(JSON.parse((await postSigned(endpoint.url, endpoint.keys.privateKey, pong)).text)).toEqual({ type: 1 });
      expect(JSON.parse((await postSigned(endpoint.url, endpoint.keys.privateKey, pong)).text)).toEqual({ type: 1 });
    } finally {
      await endpoint.close();
    }
  });
});

describe('the ids remembered', () => {
  const T = 1_764_000_000;

  it('remembers an id while its signature can pass, and forgets it after', () => {
    let now = T * 1000;
    const seen = new SeenInteractions({ now: () => now });
    expect(seen.firstTime('1', T)).toBe(true);
    now = (T + MAX_AGE_SECONDS) * 1000;
    expect(seen.firstTime('1', T)).toBe(false);
    now = (T + MAX_AGE_SECONDS + 2) * 1000;
    // a signature this old is refused before this check; the id no longer needs remembering
    expect(seen.firstTime('2', T + MAX_AGE_SECONDS)).toBe(true);
    expect(seen.size).toBe(1);
    expect(seen.firstTime('1', T)).toBe(true);
  });

  it('holds at most maxEntries ids, forgetting the oldest first and saying so', () => {
    const reports: number[] = [];
    const seen = new SeenInteractions({ maxEntries: 3, now: () => T * 1000, onEvictedEarly: (n) => reports.push(n) });
    for (const id of ['1', '2', '3', '4']) expect(seen.firstTime(id, T)).toBe(true);
    expect(seen.size).toBe(3);
    expect(seen.firstTime('4', T)).toBe(false);
    expect(seen.firstTime('1', T)).toBe(true);
    expect(reports).toEqual([1]);
  });
});

import { describe, expect, it } from 'vitest';
import { OcrError } from '@/api';
import { createCardlens, type CardlensEvent } from '@/engine/cardlens';
import { selectedItem } from '@/engine/selectors';
import { cardOutcome, engineRig, settle, specimen } from '@/test-support/engine-rig';

// The whole app minus its pixels: what a screen would show after each command, with a fake client, a
// fake reader and a fake clock.

describe('the engine', () => {
  it('sends a dropped card through the connection set, shows it, and decodes its picture once for the check and the viewer', async () => {
    const { engine, sent, decodes, statuses } = engineRig();
    const [id] = engine.addFiles([specimen()]);
    expect(engine.getState().selectedId).toBe(id);
    await settle();
    expect(sent.map((s) => [s.connection, s.request.kind, s.request.image.fileName])).toEqual([
      ['A', 'credit-card', 'image.png'],
    ]);
    expect(engine.getState().picture).toMatchObject({ id, raw: false, status: 'ready' });
    expect(decodes).toEqual([{ raw: false, closed: false }]); // the check's decode is the viewer's
    sent[0].answer();
    await settle();
    expect(statuses()).toEqual(['done']);
    expect(selectedItem(engine.getState())).toMatchObject({ id, answeredBy: 'service', outcome: cardOutcome() });
  });

  it('sends nothing, and queues nothing, before it knows a connection', () => {
    const rig = engineRig();
    const engine = createCardlens({ ...rig.options, connection: undefined });
    expect(() => engine.addFiles([specimen()])).toThrow(/no connection/);
    expect(engine.getState().items).toEqual([]);
  });

  it('keeps a batch on the connection it started with until asked to move what has not left', async () => {
    const { engine, sent } = engineRig();
    engine.setConcurrency(1);
    engine.addFiles([specimen('credit-card.png', 'a.png'), specimen('credit-card.png', 'b.png')]);
    await settle();
    engine.setConnection('B');
    expect(engine.getState().waitingElsewhere).toBe(1);
    engine.applyConnectionToRest();
    expect(engine.getState().waitingElsewhere).toBe(0);
    sent[0].answer();
    await settle();
    expect(sent.map((s) => s.connection)).toEqual(['A', 'B']);
  });

  it('shows the batch for a drop of several, and `]`/`[` walk the table’s order, sorted or not', async () => {
    const { engine } = engineRig();
    const ids = engine.addFiles(['c.png', 'a.png', 'b.png'].map((name) => specimen('credit-card.png', name)));
    expect(engine.getState().view).toBe('batch');
    expect(engine.getState().order).toEqual(ids); // the order they came, before the table's code is here
    engine.step(1);
    expect(engine.getState().selectedId).toBe(ids[1]);
    engine.step(5);
    expect(engine.getState().selectedId).toBe(ids[1]); // nothing past the end
    engine.setTableView({ filter: 'all', sort: { key: 'file', descending: false } });
    await settle();
    expect(engine.getState().order).toEqual([ids[1], ids[2], ids[0]]);
    engine.step(1);
    expect(engine.getState().selectedId).toBe(ids[2]);
    engine.step(-1);
    expect(engine.getState().selectedId).toBe(ids[1]);
  });

  it('tells its listeners of a failure, and retries through the connection set now', async () => {
    const { engine, sent, statuses } = engineRig();
    const heard: CardlensEvent[] = [];
    engine.on((event) => heard.push(event));
    const [id] = engine.addFiles([specimen()]);
    await settle();
    sent[0].fail(new OcrError('network', 'offline'));
    await settle();
    expect(statuses()).toEqual(['failed']);
    expect(heard).toEqual([{ type: 'failed', id, error: expect.any(OcrError) as OcrError }]);
    engine.setConnection('B');
    engine.retry(id);
    await settle();
    expect(sent.map((s) => s.connection)).toEqual(['A', 'B']);
  });

  it('asks once before sending images the batch already holds, a re-tapped specimen too, and sends as answered', async () => {
    const { engine, sent } = engineRig();
    engine.addFiles([specimen('credit-card.png', 'a.png'), specimen('id-resident.png', 'b.png')]);
    await settle();
    expect(engine.addFiles([specimen('credit-card.png', 'a again.png'), specimen('id-passport.png')])).toEqual([]);
    await settle();
    expect(engine.getState().repeatQuestion).toEqual({ repeats: 1, total: 2 });
    engine.answerRepeats('skip');
    await settle();
    expect(engine.getState().repeatQuestion).toBeNull();
    const names = () => engine.getState().items.map((item) => item.file.name);
    expect(names()).toEqual(['a.png', 'b.png', 'id-passport.png']);
    expect(selectedItem(engine.getState())?.file.name).toBe('id-passport.png'); // the new row is the one shown

    engine.addSpecimen(specimen('credit-card.png'), 'credit-card');
    await settle();
    expect(engine.getState().repeatQuestion).toEqual({ repeats: 1, total: 1 });
    engine.answerRepeats('send');
    await settle();
    expect(names()).toEqual(['a.png', 'b.png', 'id-passport.png', 'credit-card.png']);
    sent.forEach((s) => s.answer());
    await settle();
    expect(sent).toHaveLength(4); // each card once: the repeat only because it was asked for
  });

  it('decodes no picture while the batch table or the report is on screen, and the selected card’s once the card view is', async () => {
    const { engine, decodes } = engineRig();
    const [first] = engine.addFiles([specimen('credit-card.png', 'a.png'), specimen('credit-card.png', 'b.png')]);
    await settle();
    expect(engine.getState().view).toBe('batch');
    expect(engine.getState().picture).toBeNull();
    expect(decodes).toEqual([]);
    engine.setView('report');
    await settle();
    expect(decodes).toEqual([]);
    engine.setView('card');
    await settle();
    expect(engine.getState().picture).toMatchObject({ id: first, status: 'ready' });
    expect(decodes).toHaveLength(1);
  });

  it('keeps the picture of the card on screen only: another card’s is decoded, and the old one closed after its last draw', async () => {
    const { engine, decodes, runTimers } = engineRig();
    const [first, second] = engine.addFiles([
      specimen('credit-card.png', 'a.png'),
      specimen('credit-card.png', 'b.png'),
    ]);
    engine.setView('card'); // a drop of several shows the batch table, which draws no picture
    await settle();
    engine.select(second);
    await settle();
    expect(engine.getState().picture).toMatchObject({ id: second, status: 'ready' });
    expect(decodes.map((d) => d.closed)).toEqual([false, false]);
    runTimers();
    expect(decodes.map((d) => d.closed)).toEqual([true, false]);
    engine.setRawPixels(true);
    await settle();
    expect(engine.getState().picture).toMatchObject({ id: second, raw: true, status: 'ready' });
    engine.select(first); // a card is shown upright first
    expect(engine.getState().rawPixels).toBe(false);
  });

  it('in presentation mode draws the upright picture even with raw pixels asked for', async () => {
    const { engine } = engineRig();
    engine.addFiles([specimen()]);
    engine.setRawPixels(true);
    engine.setPresentation(true);
    await settle();
    expect(engine.getState().picture).toMatchObject({ raw: false, status: 'ready' });
  });
});

describe('the batch figures', () => {
  it('measure the rate over time spent sending, by the engine’s clock: the wait between drops does not count', async () => {
    const { engine, sent, tick } = engineRig();
    engine.setConcurrency(1);
    engine.addFiles([specimen(), specimen('credit-card.png', 'b.png')]);
    await settle();
    tick(3_000);
    sent[0].answer();
    await settle();
    tick(3_000);
    sent[1].answer();
    await settle();
    expect(engine.progress()!).toMatchObject({ done: 2, total: 2, perMinute: 20, etaSeconds: null });
    tick(10 * 60_000); // the operator goes for lunch
    expect(engine.progress()!.perMinute).toBe(20);

    // Images not yet in the batch (one already here would be a question first, not a card).
    const files = ['credit-card-angled.png', 'credit-card-low-res.png', 'credit-card-exif6.jpg'].map((f) =>
      specimen(f),
    );
    engine.addFiles(files);
    // Still being checked: every dropped file is in the total, and no time is left to count down yet.
    expect(engine.progress()!).toMatchObject({ done: 2, total: 5, etaSeconds: null });
    await settle();
    tick(1_000);
    // 2 cards in 7 s of sending, 3 to go: about 10 s, not the ten minutes the wait would make.
    expect(engine.progress()!).toMatchObject({ inFlight: 1, etaSeconds: 11 });
  });

  it('count cancelled cards, and bring them all back with one command', async () => {
    const { engine, sent, statuses } = engineRig();
    engine.setConcurrency(1);
    engine.addFiles(['a.png', 'b.png', 'c.png'].map((name) => specimen('credit-card.png', name)));
    await settle();
    sent[0].answer();
    await settle();
    engine.cancelRest();
    sent[1].fail(new OcrError('aborted', 'cancelled')); // as a real client does once its request is aborted
    await settle();
    expect(statuses()).toEqual(['done', 'cancelled', 'cancelled']);
    expect(engine.progress()!).toMatchObject({ done: 1, cancelled: 2, total: 3 });
    engine.setTableView({ filter: 'failed', sort: { key: 'order', descending: false } });
    await settle();
    expect(engine.getState().rows?.map((r) => r.file)).toEqual(['b.png', 'c.png']);
    engine.setConnection('B');
    engine.resumeCancelled();
    await settle();
    sent[2].answer();
    await settle();
    sent[3].answer();
    await settle();
    expect(statuses()).toEqual(['done', 'done', 'done']);
    expect(sent.slice(2).map((s) => s.connection)).toEqual(['B', 'B']);
    expect(engine.progress()!).toMatchObject({ done: 3, cancelled: 0, total: 3 });
  });
});

describe('card navigation', () => {
  it('walks the cards that have something to show: a refused file is not counted nor stepped on', async () => {
    const { engine } = engineRig();
    const notAnImage = new File(['%PDF-1.4 not an image'], 'notes.png', { type: 'image/png' });
    const [a, , c] = engine.addFiles([specimen('credit-card.png', 'a.png'), notAnImage, specimen()]);
    await settle();
    expect(engine.getState().items[1].status).toBe('rejected');
    expect(engine.getState().navigation).toEqual({ position: 1, count: 2, previous: null, next: c });
    engine.step(1);
    expect(engine.getState().selectedId).toBe(c);
    expect(engine.getState().navigation).toMatchObject({ position: 2, count: 2, previous: a, next: null });
    engine.step(-1);
    expect(engine.getState().selectedId).toBe(a);
    // Opened from its row, the refused file is shown, counted nowhere, and either step leaves it.
    engine.select(engine.getState().items[1].id);
    expect(engine.getState().navigation).toEqual({ position: null, count: 2, previous: a, next: c });
    engine.step(1);
    expect(engine.getState().selectedId).toBe(c);
  });
});

describe('the on-device checks', () => {
  it('read the service’s answer again, and say a card this device answered was not checked', async () => {
    const service = engineRig();
    service.engine.setChecks({ secondRead: true });
    service.engine.addFiles([specimen()]);
    await settle();
    service.sent[0].answer();
    await settle(20);
    expect(service.boxReads).toEqual([5]);
    expect(selectedItem(service.engine.getState())?.secondRead).toMatchObject({ status: 'read' });

    const device = engineRig({ answeredBy: 'device' });
    device.engine.setChecks({ secondRead: true });
    device.engine.addFiles([specimen()]);
    await settle();
    device.sent[0].answer();
    await settle(20);
    expect(device.boxReads).toEqual([]);
    expect(selectedItem(device.engine.getState())?.secondRead).toEqual({ status: 'unread', reason: 'read-on-device' });
  });

  it('hold a photo with no card-like text before it is sent, and send it when asked', async () => {
    const { engine, sent, statuses, cardReads } = engineRig({
      deviceRead: { kind: 'nothing', lookedFor: 'Looked for a card number.', cardLike: false },
    });
    engine.setChecks({ preSend: true });
    const [id] = engine.addFiles([specimen()]);
    await settle();
    expect(statuses()).toEqual(['held']);
    // Digits only: the check never loads the Hangul step.
    expect(cardReads).toEqual([{ hangul: false }]);
    expect(sent).toEqual([]);
    engine.sendAnyway(id);
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('predict a photo’s quality as part of the check before sending, before the card is sent, and never hold it for that', async () => {
    const blurred = { kind: 'checked' as const, hints: ['blurred' as const], sharpness: 40, glare: 0 };
    const { engine, sent, qualityChecks } = engineRig({
      deviceRead: { kind: 'read', result: cardOutcome().result },
      quality: blurred,
    });
    engine.addFiles([specimen()]);
    await settle();
    // The check before sending is off: no quality is predicted.
    expect(qualityChecks.count).toBe(0);
    expect(selectedItem(engine.getState())?.quality).toBeUndefined();
    sent[0].answer();
    engine.setChecks({ preSend: true });
    engine.addFiles([specimen('credit-card-angled.png')]);
    await settle();
    // Sent, and known blurred while its request is still out.
    expect(qualityChecks.count).toBe(1);
    expect(sent).toHaveLength(2);
    expect(selectedItem(engine.getState())).toMatchObject({ status: 'working', quality: blurred });
    sent[1].answer();
    await settle();
    expect(selectedItem(engine.getState())).toMatchObject({ status: 'done', quality: blurred });
  });

  it('keep the predicted quality of a card held before sending, and when it is sent anyway', async () => {
    const blurred = { kind: 'checked' as const, hints: ['blurred' as const], sharpness: 40, glare: 0 };
    const { engine, sent } = engineRig({
      deviceRead: { kind: 'nothing', lookedFor: 'Looked for a card number.', cardLike: false },
      quality: blurred,
    });
    engine.setChecks({ preSend: true });
    const [id] = engine.addFiles([specimen()]);
    await settle();
    expect(selectedItem(engine.getState())).toMatchObject({ status: 'held', quality: blurred });
    engine.sendAnyway(id);
    await settle();
    expect(sent).toHaveLength(1);
    expect(selectedItem(engine.getState())).toMatchObject({ status: 'working', quality: blurred });
  });

  it('say which service a card its own found nothing in looks like, and send it there when asked', async () => {
    const { engine, sent } = engineRig({
      deviceRead: { kind: 'read', result: cardOutcome().result },
    });
    engine.setKind('id-card');
    const [id] = engine.addFiles([specimen()]);
    await settle();
    sent[0].fail(new OcrError('api', 'no ID card', { resultCode: 4000121 }));
    await settle();
    // Only the service is kept: what the device read stays with the reader.
    expect(selectedItem(engine.getState())).toMatchObject({ status: 'failed', looksLike: 'credit-card' });
    engine.sendAs(id);
    await settle();
    expect(sent.map((s) => s.request.kind)).toEqual(['id-card', 'credit-card']);
    expect(selectedItem(engine.getState())?.looksLike).toBeUndefined();
  });

  it('run the reader for that only when a device check is on or the service reads on the device anyway', async () => {
    const rig = engineRig({ deviceRead: { kind: 'read', result: cardOutcome().result }, readsOnDevice: false });
    const { engine, sent } = rig;
    engine.setKind('id-card');
    engine.addFiles([specimen()]);
    await settle();
    sent[0].fail(new OcrError('api', 'no ID card', { resultCode: 4000121 }));
    await settle();
    // NHN Cloud with both checks off: the reader's first download is the user's to allow, and was not.
    expect(selectedItem(engine.getState())).toMatchObject({ status: 'failed' });
    expect(selectedItem(engine.getState())?.looksLike).toBeUndefined();
    engine.setChecks({ secondRead: true });
    engine.addFiles([specimen('credit-card-angled.png')]);
    await settle();
    sent[1].fail(new OcrError('api', 'no ID card', { resultCode: 4000121 }));
    await settle();
    expect(engine.getState().items.map((item) => item.looksLike ?? 'none')).toEqual(['none', 'credit-card']);
  });

  it('say nothing of another service when the card failed otherwise, or the device read no such number', async () => {
    const offline = engineRig({ deviceRead: { kind: 'read', result: cardOutcome().result } });
    offline.engine.setKind('id-card');
    offline.engine.addFiles([specimen()]);
    await settle();
    offline.sent[0].fail(new OcrError('network', 'offline'));
    const blank = engineRig({
      deviceRead: { kind: 'nothing', lookedFor: 'Looked for a card number.', cardLike: true },
    });
    blank.engine.setKind('id-card');
    const [id] = blank.engine.addFiles([specimen()]);
    await settle();
    blank.sent[0].fail(new OcrError('api', 'no ID card', { resultCode: 4000121 }));
    await settle();
    for (const rig of [offline, blank]) expect(selectedItem(rig.engine.getState())?.looksLike).toBeUndefined();
    blank.engine.sendAs(id);
    await settle();
    expect(blank.sent).toHaveLength(1);
  });

  it('are remembered as two booleans across visits', () => {
    const { engine, prefs } = engineRig();
    engine.setChecks({ secondRead: true });
    expect(JSON.parse(prefs.get('cardlens.deviceChecks')!)).toEqual({ secondRead: true, preSend: false });
  });
});

describe('reviews', () => {
  it('are kept in memory, stamped by the clock, and written to the device only while the reviewer keeps them', async () => {
    const { engine, kept, tick } = engineRig();
    await settle();
    const card = { sha256: 'a'.repeat(64) };
    const field = { id: 'cardNums.0', key: 'cardNum', conf: 0.9 };
    tick(5_000);
    engine.setFieldVerdict(card, field, 'wrong-value', '4112');
    expect(engine.getState().reviews.get(card.sha256)?.fields['cardNums.0']).toEqual({
      verdict: 'wrong-value',
      key: 'cardNum',
      conf: 0.9,
      correction: '4112',
      at: 1_700_000_005_000,
    });
    expect(kept.size).toBe(0);
    engine.setKeepOnDevice(true);
    await settle();
    expect([...kept.keys()]).toEqual([card.sha256]);
    engine.setCardVerdict(card, 'rejected');
    await settle();
    expect(kept.get(card.sha256)?.card?.verdict).toBe('rejected');
    engine.setKeepOnDevice(false);
    await settle();
    expect(kept.size).toBe(0);
    expect(engine.getState().reviews.get(card.sha256)?.card?.verdict).toBe('rejected'); // still on screen
  });
});

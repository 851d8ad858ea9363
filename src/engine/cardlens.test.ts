import { describe, expect, it } from 'vitest';
import { OcrError } from '@/api';
import { createCardlens, selectedItem, type CardlensEvent } from '@/engine/cardlens';
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
    const { engine, sent, statuses } = engineRig({
      deviceRead: { kind: 'nothing', lookedFor: 'Looked for a card number.', cardLike: false },
    });
    engine.setChecks({ preSend: true });
    const [id] = engine.addFiles([specimen()]);
    await settle();
    expect(statuses()).toEqual(['held']);
    expect(sent).toEqual([]);
    engine.sendAnyway(id);
    await settle();
    expect(sent).toHaveLength(1);
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

// The on-device reader's own worker: one per page, started by the page (reader-client.ts), which every
// user of the reader goes through. It loads the runtime and models at the first read.
import { readBoxesInBrowser, readCardInBrowser, warmInBrowser } from './browser-reader';
import type { ReaderCommand, ReaderReply } from './protocol';

const post = (reply: ReaderReply) => self.postMessage(reply);

// onnxruntime-web starts its threads as workers of this very script (its code is bundled in it), named
// em-pthread; its own code, run above as an import, has taken their messages, which must stay its.
if (!self.name.startsWith('em-pthread'))
  self.onmessage = (event: MessageEvent<ReaderCommand>) => {
    const command = event.data;
    const reading =
      command.kind === 'warm'
        ? warmInBrowser()
        : command.kind === 'read-card'
          ? readCardInBrowser(new Uint8Array(command.image), command.service, { hangul: command.hangul })
          : readBoxesInBrowser(new Uint8Array(command.image), command.boxes, { hangul: command.hangul });
    reading.then(
      (value) => post({ id: command.id, ok: true, value }),
      (error: unknown) =>
        post({ id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };

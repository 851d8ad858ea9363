// The bad-input corpus: every file here must be refused before anything is sent, each with its own
// message, except the few marked `accepted`: odd but valid files the service reads, which are sent
// unchanged with a caution. Small files are committed; the large ones are written on demand.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { crc32 } from '../src/lib/crc32';

export const BAD_INPUTS_DIR = resolve(import.meta.dirname, '../e2e/fixtures/bad-inputs');
const SAMPLES = resolve(import.meta.dirname, '../public/samples');

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(new Uint8Array(Buffer.concat([head.subarray(4), data]))), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real PNG: signature, IHDR, one zlib IDAT of filtered rows, IEND. */
export function png(width: number, height: number, { bitDepth = 8, fill = 0x80, alpha = false } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = alpha ? 6 : 2; // truecolour, with or without alpha
  const rowBytes = 1 + width * (alpha ? 4 : 3) * (bitDepth / 8);
  const raw = Buffer.alloc(rowBytes * height, fill);
  for (let y = 0; y < height; y++) raw[y * rowBytes] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG header claiming a huge size, with a tiny IDAT: a decompression bomb that must never decode. */
function bomb(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 << 16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function garbledPixels(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(400, 0);
  ihdr.writeUInt32BE(300, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', garbage),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG marker segment: marker, length (which counts itself), payload. */
function segment(marker: number, payload: number[]): Buffer {
  const length = payload.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...payload]);
}

/**
 * A whole, decodable baseline CMYK JPEG of one flat colour, as Photoshop writes them (Adobe APP14,
 * transform 0). Every 8×8 block is a DC of 0 and an end-of-block: one Huffman code each, one bit long,
 * so each MCU of four blocks is the byte 0x00.
 */
export function cmykJpeg(width = 856, height = 540): Buffer {
  const huffman = (tableClass: number) => [tableClass << 4, 1, ...Array<number>(15).fill(0), 0];
  const mcus = Math.ceil(width / 8) * Math.ceil(height / 8);
  const components = [1, 2, 3, 4];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 0]), // APP14, transform 0: CMYK
    segment(0xdb, [0, ...Array<number>(64).fill(1)]), // DQT 0, every step 1
    segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      4,
      ...components.flatMap((c) => [c, 0x11, 0]),
    ]),
    segment(0xc4, [...huffman(0), ...huffman(1)]), // DC 0: category 0; AC 0: end of block
    segment(0xda, [4, ...components.flatMap((c) => [c, 0x00]), 0, 63, 0]),
    Buffer.alloc(mcus),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function withBadCrc(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const idat = copy.indexOf('IDAT', 0, 'latin1');
  copy[idat + 20] ^= 0xff; // a data byte: the chunk's CRC no longer matches
  return copy;
}

const text = (s: string) => Buffer.from(s, 'utf8');
const LONG_NAME = `${'very-long-card-photo-name-'.repeat(9)}.png`;

export interface CorpusInput {
  name: string;
  content: () => Buffer;
  /** What its refusal says or, for an accepted file, its caution. */
  says: RegExp;
  large?: boolean;
  /** A valid file the service reads: sent, not refused. */
  accepted?: boolean;
}

/** File name → content, and what its message must say. */
export function badInputs(): CorpusInput[] {
  const card = () => readFileSync(join(SAMPLES, 'credit-card.png'));
  const photo = () => readFileSync(join(SAMPLES, 'credit-card-exif6.jpg'));
  return [
    { name: 'empty.png', content: () => Buffer.alloc(0), says: /is empty/ },
    { name: 'truncated.png', content: () => card().subarray(0, 40_000), says: /truncated/ },
    { name: 'truncated.jpg', content: () => photo().subarray(0, 20_000), says: /truncated/ },
    {
      name: 'statement.pdf.png',
      content: () => text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'),
      says: /PDF document/,
    },
    {
      name: 'animation.png',
      content: () => Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
      says: /GIF image/,
    },
    {
      name: 'card.webp',
      content: () => Buffer.concat([text('RIFF'), Buffer.from([26, 0, 0, 0]), text('WEBPVP8 '), Buffer.alloc(14)]),
      says: /WebP image/,
    },
    {
      name: 'iphone.heic',
      content: () => Buffer.concat([Buffer.from([0, 0, 0, 24]), text('ftypheic'), Buffer.alloc(12)]),
      says: /HEIC image/,
    },
    {
      name: 'photo.avif.png',
      content: () => Buffer.concat([Buffer.from([0, 0, 0, 28]), text('ftypavif'), Buffer.alloc(16)]),
      says: /ISO media file/,
    },
    {
      name: 'clip.mp4.jpg',
      content: () => Buffer.concat([Buffer.from([0, 0, 0, 32]), text('ftypisom'), Buffer.alloc(20)]),
      says: /ISO media file/,
    },
    {
      name: 'evil.svg',
      content: () => text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
      says: /SVG or XML document/,
    },
    {
      name: 'drawing.png',
      content: () => text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      says: /SVG or XML document/,
    },
    {
      name: 'page.html',
      content: () => text('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>'),
      says: /HTML page/,
    },
    {
      name: 'scans.zip',
      content: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26)]),
      says: /ZIP archive/,
    },
    { name: 'scan.bmp.jpg', content: () => Buffer.concat([text('BM'), Buffer.alloc(60)]), says: /BMP image/ },
    {
      name: 'fax.tiff.png',
      content: () => Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0]), Buffer.alloc(40)]),
      says: /TIFF image/,
    },
    {
      name: 'notes.txt.jpg',
      content: () => text('card number 4111 1111 1111 1111 exp 09/29\n'),
      says: /not a JPEG or PNG image/,
    },
    { name: 'data.json.png', content: () => text('{"cardNums":[1,2,3]}'), says: /not a JPEG or PNG image/ },
    {
      name: 'setup.exe.png',
      content: () => Buffer.concat([text('MZ'), Buffer.alloc(200)]),
      says: /not a JPEG or PNG image/,
    },
    {
      name: 'backup.gz.jpg',
      content: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(40)]),
      says: /not a JPEG or PNG image/,
    },
    {
      name: 'random.jpg',
      content: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)),
      says: /not a JPEG or PNG image/,
    },
    {
      name: 'signature-only.png',
      content: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      says: /header cannot be read/,
    },
    { name: 'soi-only.jpg', content: () => Buffer.from([0xff, 0xd8, 0xff]), says: /header cannot be read/ },
    {
      name: 'no-frame.jpg',
      content: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9, 0, 0]),
      says: /header cannot be read/,
    },
    { name: 'zero-size.png', content: () => png(0, 0), says: /header cannot be read/ },
    { name: 'one-pixel.png', content: () => png(1, 1), says: /1×1 pixels, too small/ },
    { name: 'sliver.png', content: () => png(2000, 40), says: /2000×40 pixels, too small/ },
    // Valid files the service reads, whatever the browser makes of them: sent, with a caution.
    { name: 'print.jpg', content: () => cmykJpeg(), says: /CMYK JPEG/, accepted: true },
    {
      name: 'deep-colour.png',
      content: () => png(800, 500, { bitDepth: 16 }),
      says: /16 bits per channel/,
      accepted: true,
    },
    {
      name: 'deep-colour-rgba.png',
      content: () => png(856, 540, { bitDepth: 16, alpha: true }),
      says: /16 bits per channel/,
      accepted: true,
    },
    { name: 'bad-crc.png', content: () => withBadCrc(card()), says: /checksum of its IDAT chunk does not match/ },
    // Whole and checksummed, but its pixel data is not deflate: only decoding finds out, after the
    // request has started encrypting, and the request must still not leave.
    { name: 'garbled-pixels.png', content: garbledPixels, says: /could not be decoded: the image data is corrupt/ },
    { name: 'bomb-30000x30000.png', content: () => bomb(30_000), says: /30000×30000 pixels.*before decoding/ },
    { name: '카드 사진 📷 앞면.png', content: () => text('%PDF-1.4 scanned card'), says: /PDF document/ },
    { name: LONG_NAME, content: () => text('<html>not an image</html>'), says: /HTML page/ },
    {
      name: 'huge-21mb.jpg',
      content: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(21 * 1024 * 1024 - 4, 0x20)]),
      says: /is 21 MB; the service accepts at most 20 MB/,
      large: true,
    },
  ];
}

/** Writes the corpus; committed files are rewritten identically, large ones created if missing. */
export function writeBadInputs(dir = BAD_INPUTS_DIR): void {
  mkdirSync(dir, { recursive: true });
  for (const input of badInputs()) {
    const path = join(dir, input.name);
    if (input.large && existsSync(path)) continue;
    writeFileSync(path, input.content());
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeBadInputs();
  console.log(`wrote ${badInputs().length} bad inputs to ${BAD_INPUTS_DIR}`);
}

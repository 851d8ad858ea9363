// Apart from image-format.ts, whose size rule the first screen needs: these names only preflight does.

/** What the bytes really are, for messages such as "a PDF named .png"; null when not recognised. */
export function describeContent(bytes: Uint8Array): string | null {
  const ascii = String.fromCharCode(...bytes.subarray(0, 16));
  if (bytes.length === 0) return 'an empty file';
  if (ascii.startsWith('%PDF')) return 'a PDF document';
  if (ascii.startsWith('GIF8')) return 'a GIF image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (
    ascii.slice(4, 12).startsWith('ftypheic') ||
    ascii.slice(4, 12).startsWith('ftypmif1') ||
    ascii.slice(4, 12).startsWith('ftypheix')
  )
    return 'a HEIC image';
  if (ascii.slice(4, 8) === 'ftyp') return 'an ISO media file (HEIC, AVIF or video)';
  if (ascii.startsWith('PK\u0003\u0004')) return 'a ZIP archive';
  if (ascii.startsWith('BM')) return 'a BMP image';
  if (/^\s*<(\?xml|svg)/i.test(ascii)) return 'an SVG or XML document';
  if (/^\s*<(!doctype|html)/i.test(ascii)) return 'an HTML page';
  if (ascii.startsWith('II*\u0000') || ascii.startsWith('MM\u0000*')) return 'a TIFF image';
  return null;
}

/** The bytes of a `data:…;base64,` URL, as a canvas's toDataURL gives them. */
export const bytesOfDataUrl = (url: string) => new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));

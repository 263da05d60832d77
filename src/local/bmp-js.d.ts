// bmp-js ships no types. Note its pixel order: data is ABGR, 4 bytes per pixel.
declare module 'bmp-js' {
  export function decode(buffer: Buffer): { width: number; height: number; data: Uint8Array };
  const bmp: { decode: typeof decode };
  export default bmp;
}

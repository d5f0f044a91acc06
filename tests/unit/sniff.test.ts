/** The image type read from a file's first bytes, whatever its name or declared type says. */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sniffImageType, SNIFF_BYTES } from '../../server/src/modules/media/sniff.js';

const ftyp = (major: string, ...compatible: string[]) => {
  const brands = [major, '\0\0\0\0', ...compatible].join('');
  const box = Buffer.alloc(8 + brands.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brands, 8, 'latin1');
  return box;
};

describe('sniffImageType', () => {
  it('knows the images sharp writes by their first bytes', async () => {
    const image = sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } });
    for (const format of ['jpeg', 'png', 'webp', 'gif', 'avif'] as const) {
      const bytes = await image.clone().toFormat(format).toBuffer();
      expect(sniffImageType(bytes.subarray(0, SNIFF_BYTES)), format).toBe(format);
    }
  });

  it('tells AVIF from HEIC by the brands of the first box', () => {
    expect(sniffImageType(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffImageType(ftyp('mif1', 'avif'))).toBe('avif');
    expect(sniffImageType(ftyp('heic', 'mif1'))).toBe('heic');
    expect(sniffImageType(ftyp('isom', 'mp41'))).toBeNull();
  });

  it('recognises SVG in its usual openings, and nothing in text or empty files', () => {
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg">',
      '\uFEFF  <?xml version="1.0"?><svg>',
      '<!-- x --><svg>',
    ]) {
      expect(sniffImageType(Buffer.from(svg))).toBe('svg');
    }
    expect(sniffImageType(Buffer.from('GIF87'))).toBeNull();
    expect(sniffImageType(Buffer.from('hello, world'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

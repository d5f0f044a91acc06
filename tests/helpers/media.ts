/**
 * Photos for tests, made in the test: a JPEG carrying GPS and a camera's EXIF, a PNG with text
 * chunks, a decompression bomb, a truncated JPEG, an SVG with a script; and multipart bodies to
 * upload them with.
 */
import { deflateSync } from 'node:zlib';
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { TestUser } from './users.js';

/** Where the test photos claim to have been taken (the GPS the server must remove). */
export const HOME = { lat: 52.4986, lng: 13.4213 };

const dms = (value: number) => {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${seconds}/100`;
};

let pictures = 0;

/** A smooth picture (a gradient with a bar), `width` × `height`, as raw RGB; each one made differs. */
function picture(width: number, height: number) {
  pictures += 1;
  const tint = (pictures * 37) % 200;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = Math.round((x / width) * 255);
      data[i + 1] = Math.round((y / height) * 255);
      data[i + 2] = x < width / 4 ? 230 : 40 + tint;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/**
 * A JPEG as a phone writes it: EXIF with the camera, GPS of HOME and orientation 6 (the pixels
 * stored on their side: shown, it is `height` wide and `width` tall), plus XMP.
 */
export async function phoneJpeg(width = 1200, height = 900, quality = 90): Promise<Buffer> {
  return picture(width, height)
    .jpeg({ quality })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Vicinity Phone', Model: 'Model 7', Software: 'Camera 1.0' },
      IFD2: { UserComment: 'maker notes and secrets' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: dms(HOME.lat),
        GPSLongitudeRef: 'E',
        GPSLongitude: dms(HOME.lng),
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Secret Photographer"/>' +
        '</rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

// --- PNG chunks, for files the image library would not write ------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG with tEXt chunks (a comment and a location) after its header. */
export async function pngWithText(width = 640, height = 480): Promise<Buffer> {
  const png = await picture(width, height).png().toBuffer();
  const headerEnd = 8 + 8 + 13 + 4;
  const text = (keyword: string, value: string) => chunk('tEXt', Buffer.from(`${keyword}\0${value}`, 'latin1'));
  return Buffer.concat([
    png.subarray(0, headerEnd),
    text('Comment', 'Taken at home, Secretstrasse 12'),
    text('GPS', `${HOME.lat},${HOME.lng}`),
    png.subarray(headerEnd),
  ]);
}

/** A PNG of a few hundred bytes that claims `side` × `side` pixels. */
export function pixelBomb(side = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((side + 1) * 16));
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
);

// --- Uploading ----------------------------------------------------------------------------------

/** A multipart body as a browser sends it. */
export async function uploadForm(
  file: Buffer | null,
  fields: { alt?: string; filename?: string; type?: string } = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  if (fields.alt !== undefined) form.set('alt', fields.alt);
  if (file !== null) {
    form.set(
      'file',
      new Blob([new Uint8Array(file)], { type: fields.type ?? 'image/jpeg' }),
      fields.filename ?? 'photo.jpg',
    );
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

export async function upload(
  app: FastifyInstance,
  user: TestUser,
  file: Buffer,
  fields: { alt?: string; filename?: string; type?: string } = {},
) {
  const form = await uploadForm(file, { alt: 'A photo', ...fields });
  return app.inject({
    method: 'POST',
    url: '/api/media',
    headers: { ...user.auth, ...form.headers },
    payload: form.payload,
  });
}

/**
 * Posts a multipart upload of `size` bytes of file to a listening server, writing as the server
 * takes it, and stops when the answer comes: answers with it and how much had been sent then.
 */
export async function postUploadOverHttp(
  origin: string,
  headers: Record<string, string>,
  size: number,
): Promise<{ status: number; body: string; sent: number; total: number }> {
  const { pieces, contentType, total } = streamingUpload(size);
  const url = new URL('/api/media', origin);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': contentType } });
    request.on('response', (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body, sent: sentWhenAnswered, total });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const iterator = pieces();
    const writeMore = () => {
      for (;;) {
        if (answered) return;
        const next = iterator.next();
        if (next.done) return void request.end();
        sent += next.value.length;
        if (!request.write(next.value)) return void request.once('drain', writeMore);
      }
    };
    writeMore();
  });
}

/** A multipart upload of `size` bytes of file, made piece by piece as it is sent. */
export function streamingUpload(size: number, chunkSize = 64 * 1024) {
  const boundary = 'vicinity-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA large photo\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + size + tail.length;
  function* pieces() {
    yield head;
    for (let sent = 0; sent < size; sent += chunkSize) {
      const piece = Buffer.alloc(Math.min(chunkSize, size - sent), 0x41);
      if (sent === 0) piece.set([0xff, 0xd8, 0xff, 0xe0]);
      yield piece;
    }
    yield tail;
  }
  return { pieces, total, contentType: `multipart/form-data; boundary=${boundary}` };
}

import { Type, type Static } from 'typebox';
import { Alt, Id, MediaFields } from '../../plugins/schemas.js';

export { MAX_ALT_LENGTH } from '../../plugins/schemas.js';

/** Photos one post, meetup, group or place may show. */
export const MAX_ATTACHED = 10;

export const Media = Type.Object(MediaFields, {
  $id: 'Media',
  description: 'An uploaded photo. The file sent is not kept, only these renditions.',
});
export type Media = Static<typeof Media>;

/** One's photos in the data export. */
export const ExportedPhotos = Type.Array(
  Type.Object({
    id: Type.Integer(),
    alt: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    attachedTo: Type.Union(
      [
        Type.Object({
          type: Type.Union([
            Type.Literal('post'),
            Type.Literal('event'),
            Type.Literal('group'),
            Type.Literal('place'),
            Type.Literal('user'),
          ]),
          id: Type.Integer(),
        }),
        Type.Null(),
      ],
      { description: 'What it is shown on (`user`: your profile photo); null when not attached yet.' },
    ),
    jpeg: Type.String({ description: 'The largest rendition as JPEG. The link works until `photoLinksExpireAt`.' }),
    webp: Type.String({ description: 'The same as WebP.' }),
  }),
  {
    description:
      'Every photo you uploaded, as kept: the largest rendition (the files sent were never kept). Download them ' +
      'while the links work; a new export makes new links.',
  },
);

/** The multipart form of an upload, for the OpenAPI document (the route reads the parts as they stream). */
export const UploadForm = Type.Object(
  {
    file: Type.String({
      format: 'binary',
      description: 'A JPEG, PNG, WebP, AVIF or GIF (first frame). The type is read from the bytes; SVG is refused.',
    }),
    alt: Alt,
  },
  { required: ['file', 'alt'] },
);

export const UpdateMediaBody = Type.Object({ alt: Alt }, { additionalProperties: false });
export type UpdateMediaBody = Static<typeof UpdateMediaBody>;

/** The field other features accept to show photos, in order. */
export const MediaIdsField = Type.Array(Id, {
  maxItems: MAX_ATTACHED,
  uniqueItems: true,
  description:
    `Photos to show, in this order, at most ${MAX_ATTACHED}: ids of photos you uploaded (\`POST /api/media\`). ` +
    'Editing replaces the list; a photo left out is deleted.',
});

export const MediaList = Type.Array(Type.Ref('Media'), { description: 'Its photos, in order.' });

export const MediaFileParams = Type.Object({
  id: Id,
  file: Type.String({
    pattern: '^(small|medium|large)\\.(webp|jpg)$',
    description: 'The rendition: `small`, `medium` or `large`, as `.webp` or `.jpg`.',
  }),
});
export type MediaFileParams = Static<typeof MediaFileParams>;

export const MediaKeyQuery = Type.Object(
  {
    key: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'The key in a photo’s URL, as the API gave it.' }),
    ),
  },
  { additionalProperties: false },
);

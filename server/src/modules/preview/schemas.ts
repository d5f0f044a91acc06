import { Type, type Static } from 'typebox';
import { MAX_POST_BODY_LENGTH } from '../posts/schemas.js';

export const PreviewBody = Type.Object(
  {
    text: Type.String({
      maxLength: MAX_POST_BODY_LENGTH,
      description: 'Markdown as it would be sent in a post, comment or meetup description.',
    }),
  },
  { additionalProperties: false },
);
export type PreviewBody = Static<typeof PreviewBody>;

export const Preview = Type.Object(
  {
    html: Type.String({
      description: 'The HTML readers would get once it is published: the same renderer and sanitizer.',
    }),
  },
  { $id: 'MarkdownPreview' },
);
export type Preview = Static<typeof Preview>;

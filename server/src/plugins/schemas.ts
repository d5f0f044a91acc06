/** Small schemas every module's routes share. */
import { Type, type TSchema } from 'typebox';

/** Database ids: positive and small enough to be exact in JSON numbers. */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const IdParams = Type.Object({ id: Id });

export const MAX_ALT_LENGTH = 1500;

export const Alt = Type.String({
  minLength: 1,
  maxLength: MAX_ALT_LENGTH,
  description:
    `What the photo shows, for people who cannot see it: 1 to ${MAX_ALT_LENGTH} characters, required. ` +
    'It is the `alt` text wherever the photo appears.',
});

const ByVariant = <T extends TSchema>(what: string, item: T) =>
  Type.Object({ small: item, medium: item, large: item }, { description: what });

/**
 * An uploaded photo as answers show it (the media module's `Media`). Here, rather than there,
 * because a person's avatar is one, and because a reference to it from inside a choice
 * (`avatar: Media | null`) cannot be serialized: it is written out where it is used.
 */
export const MediaFields = {
  id: Type.Integer(),
  alt: Alt,
  width: Type.Integer({ description: 'Of the largest rendition, in pixels, orientation applied.' }),
  height: Type.Integer(),
  placeholder: Type.String({
    description:
      'A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads.',
  }),
  urls: ByVariant(
    'WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a ' +
      'private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the ' +
      'browser fetch it as you.',
    Type.String(),
  ),
  jpegUrls: ByVariant('The same renditions as JPEG, for browsers without WebP.', Type.String()),
  widths: ByVariant('The width in pixels of each rendition, for `srcset`.', Type.Integer()),
};

/** A profile photo, or null for none. */
export const AvatarRef = Type.Union([Type.Object(MediaFields), Type.Null()], {
  description: 'Their profile photo; null when they have none.',
});

export const PersonRef = Type.Union(
  [
    Type.Object({
      id: Type.Integer(),
      displayName: Type.String(),
      avatar: Type.Optional(AvatarRef),
    }),
    Type.Null(),
  ],
  { description: 'null when the account was deleted.' },
);

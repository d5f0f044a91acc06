import type { ColumnType, Generated } from 'kysely';

export type MediaVariant = 'small' | 'medium' | 'large';
export type MediaFormat = 'webp' | 'jpeg';

/** The pixel size of each rendition, as stored in `media.sizes`. */
export type MediaSizes = Record<MediaVariant, { width: number; height: number }>;

/** One uploaded photo as kept: its renditions, never the file sent (migration 0050). */
export interface MediaTable {
  id: Generated<number>;
  owner_id: number;
  alt: string;
  /** Of the largest rendition, orientation applied. */
  width: number;
  height: number;
  /** ThumbHash of the photo, base64. */
  placeholder: string;
  sizes: ColumnType<MediaSizes, string, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface MediaFilesTable {
  media_id: number;
  variant: MediaVariant;
  format: MediaFormat;
  /** The object's name in storage, made from the hash of its bytes. */
  key: string;
  bytes: number;
}

/** Where a photo is shown: exactly one of the subject columns is set. */
export interface MediaAttachmentsTable {
  media_id: number;
  position: number;
  post_id: number | null;
  event_id: number | null;
  group_id: number | null;
  place_id: number | null;
  user_id: number | null;
}

export interface MediaTables {
  media: MediaTable;
  media_files: MediaFilesTable;
  media_attachments: MediaAttachmentsTable;
}

/**
 * Who may do what with photos. Who may *see* one follows what it is attached to (the rule of that
 * post, meetup or group's content: modules/media/queries.ts asks policy/visibility.ts).
 */

/** Only the person who uploaded a photo may put it on something, change its text or delete it. */
export function mayUseMedia(media: { ownerId: number }, viewerId: number | null): boolean {
  return viewerId !== null && media.ownerId === viewerId;
}

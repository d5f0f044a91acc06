/**
 * Who may change or remove what people made. Features ask here rather than comparing ids
 * themselves, so that a new right (a site admin, a moderator) is added in one place.
 */
import type { GroupRole } from '../db/tables/places-and-groups.js';
import { roleMay } from './group-roles.js';

/** Something a person made, and the viewer's role in the group it belongs to (if any). */
export interface Authored {
  authorId: number | null;
  /** The viewer's role in the content's group; null when not a member or no group. */
  viewerRole?: GroupRole | null;
}

/** Editing keeps the author's words theirs: only the author may. */
export function mayEdit(content: Authored, viewerId: number | null): boolean {
  return viewerId !== null && content.authorId === viewerId;
}

/** Removing: the author, or whoever moderates the content's group. */
export function mayRemove(content: Authored, viewerId: number | null): boolean {
  return mayEdit(content, viewerId) || roleMay(content.viewerRole, 'moderate_content');
}

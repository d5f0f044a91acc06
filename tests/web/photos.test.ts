/** Choosing renditions and ordering photos, and how a photo and an avatar are drawn. */
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import type { Media } from '../../web/src/lib/api/media';
import { moved, placeholderUrl, srcset } from '../../web/src/lib/photos';
import Avatar from '../../web/src/lib/components/Avatar.svelte';
import Photo from '../../web/src/lib/components/Photo.svelte';

function photo(widths: Media['widths'], id = 3): Media {
  const urls = (ext: string) => ({
    small: `/media/${id}/small.${ext}`,
    medium: `/media/${id}/medium.${ext}`,
    large: `/media/${id}/large.${ext}`,
  });
  return {
    id,
    alt: 'A chess board by a window',
    width: widths.large,
    height: Math.round((widths.large * 3) / 4),
    placeholder: 'HAkKjRqPeIaIx3eYiIhoaHqABAh3',
    urls: urls('webp'),
    jpegUrls: urls('jpg'),
    widths,
  };
}

describe('photos', () => {
  it('offer each rendition width once, so a small photo does not list one file three times', () => {
    expect(srcset(photo({ small: 320, medium: 960, large: 1920 }), 'webp')).toBe(
      '/media/3/small.webp 320w, /media/3/medium.webp 960w, /media/3/large.webp 1920w',
    );
    expect(srcset(photo({ small: 320, medium: 500, large: 500 }), 'jpeg')).toBe(
      '/media/3/small.jpg 320w, /media/3/medium.jpg 500w',
    );
  });

  it('move one place up or down, and stay put at the ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('are drawn with their alt text, WebP first, and their placeholder until loaded', () => {
    const { container } = render(Photo, { photo: photo({ small: 320, medium: 960, large: 1920 }), sizes: '100vw' });
    const img = container.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('A chess board by a window');
    expect(container.querySelector('source')!.getAttribute('type')).toBe('image/webp');
    expect(img.getAttribute('sizes')).toBe('100vw');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.style.backgroundImage).toContain('data:image/png');
    expect(placeholderUrl({ placeholder: 'not base64!' })).toBe('');
  });

  it('show an avatar, or the initial of a person without one', () => {
    const withPhoto = render(Avatar, {
      person: { displayName: 'Mia', avatar: photo({ small: 320, medium: 400, large: 400 }) },
    });
    expect(withPhoto.container.querySelector('img')!.getAttribute('alt')).toBe('A chess board by a window');
    const without = render(Avatar, { person: { displayName: 'jonas', avatar: null } });
    expect(without.container.textContent).toContain('J');
    expect(without.container.querySelector('img')).toBeNull();
  });
});

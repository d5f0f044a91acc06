/**
 * The photo uploader: a chosen photo waits for its description before it can be uploaded, and
 * photos can be reordered and removed with buttons that say which photo they act on. (The
 * upload itself goes through XMLHttpRequest for its progress; the browser journey covers it.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import PhotoUploader from '../../web/src/lib/components/PhotoUploader.svelte';

beforeEach(() => {
  let made = 0;
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: () => `blob:preview-${++made}`, revokeObjectURL: () => {} }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const file = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' });

describe('PhotoUploader', () => {
  it('asks for a description before uploading, and moves and removes photos by name', async () => {
    const { container } = render(PhotoUploader, { label: 'Photos' });
    const picker = screen.getByLabelText('Choose photos') as HTMLInputElement;
    expect(picker.accept).toContain('image/webp');
    expect((screen.getByLabelText('Take a photo') as HTMLInputElement).getAttribute('capture')).toBe('environment');

    Object.defineProperty(picker, 'files', { value: [file('a.jpg'), file('b.jpg')], configurable: true });
    await fireEvent.change(picker);
    expect(container.querySelectorAll('img.preview')).toHaveLength(2);
    const first = screen.getByLabelText('Description of photo 1 (required)');
    expect(first.getAttribute('aria-describedby')).toMatch(/alt-hint/);

    await fireEvent.click(screen.getByRole('button', { name: 'Upload photo 1' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Describe the photo first/);
    expect(first.getAttribute('aria-invalid')).toBe('true');

    await fireEvent.input(first, { target: { value: 'The first one' } });
    expect((screen.getByRole('button', { name: 'Move photo 1 up' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Move photo 1 down' }));
    expect((screen.getByLabelText('Description of photo 2 (required)') as HTMLTextAreaElement).value).toBe(
      'The first one',
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Remove photo 1' }));
    expect(container.querySelectorAll('li')).toHaveLength(1);
    expect((screen.getByLabelText('Description of photo 1 (required)') as HTMLTextAreaElement).value).toBe(
      'The first one',
    );
  });
});

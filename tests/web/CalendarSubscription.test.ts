import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import CalendarSubscription from '../../web/src/lib/components/CalendarSubscription.svelte';

describe('CalendarSubscription', () => {
  it('offers a webcal:// link, the download and the absolute address with a copy button', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(CalendarSubscription, {
      path: '/api/groups/3/calendar.ics?key=abc',
      what: 'this group’s meetups',
      filename: 'group-3.ics',
    });
    const address = `${window.location.origin}/api/groups/3/calendar.ics?key=abc`;
    expect(screen.getByRole('link', { name: 'Subscribe in your calendar app' }).getAttribute('href')).toBe(
      address.replace(/^https?:/, 'webcal:'),
    );
    expect(screen.getByRole('link', { name: 'Download (.ics)' }).getAttribute('download')).toBe('group-3.ics');
    expect((screen.getByLabelText('Calendar address') as HTMLInputElement).value).toBe(address);
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(address);
    expect(await screen.findByText('Copied.')).toBeTruthy();
  });
});

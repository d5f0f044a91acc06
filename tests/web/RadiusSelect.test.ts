import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import RadiusSelect from '../../web/src/lib/components/RadiusSelect.svelte';
import RadiusSelectHarness from './stubs/RadiusSelectHarness.svelte';

describe('RadiusSelect', () => {
  it('is a labelled choice of distances, written for people', () => {
    render(RadiusSelect, { value: 1000 });
    const select = screen.getByRole('combobox', { name: 'Within' }) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      '500 m',
      '1 km',
      '2 km',
      '5 km',
      '10 km',
      '25 km',
    ]);
    expect(select.selectedOptions[0]?.textContent).toBe('1 km');
  });

  it('hands the chosen radius back to the page, as a number', async () => {
    render(RadiusSelectHarness);
    await fireEvent.change(screen.getByRole('combobox', { name: 'Within' }), { target: { value: '5000' } });
    expect(screen.getByTestId('chosen').textContent).toBe('number 5000');
  });

  it('offers only the distances it is given', () => {
    render(RadiusSelect, { value: 2000, choices: [1000, 2000] });
    const select = screen.getByRole('combobox', { name: 'Within' }) as HTMLSelectElement;
    expect(select.options).toHaveLength(2);
    expect(select.value).toBe('2000');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import RegisterForm from '../../web/src/lib/components/RegisterForm.svelte';
import SignInForm from '../../web/src/lib/components/SignInForm.svelte';
import { stubApi, validationError } from './helpers';

const USER = { id: 3, email: 'robin@example.org', displayName: 'Robin', bio: '', homeLocation: null, createdAt: '' };

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The texts an element is described by: its hint and its error. */
function description(element: HTMLElement): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '');
}

async function type(label: string, value: string) {
  await fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('RegisterForm', () => {
  it('checks what it can before asking the server, and focuses the first problem', async () => {
    const { fetch } = stubApi();
    render(RegisterForm, { onsignedin: vi.fn() });
    await type('Password', 'short');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const name = screen.getByLabelText('Your name');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toContain('Enter the name others will see.');
    expect(description(screen.getByLabelText('Password'))).toContain('Use at least 10 characters.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the server’s objection next to the field it names', async () => {
    stubApi(() => ({
      status: 409,
      body: { error: { code: 'email_taken', message: 'An account with this email already exists.' } },
    }));
    render(RegisterForm, { onsignedin: vi.fn() });
    await type('Your name', 'Robin');
    await type('Email', 'mia@demo.example');
    await type('Password', 'long enough password');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(description(email)).toContain('An account with this email already exists.');
    expect(screen.getByRole('alert').textContent).toBe('Check the field marked below.');
  });

  it('maps validation details to their fields', async () => {
    stubApi(() =>
      validationError('email must match format "email"', [{ field: 'email', message: 'must match format "email"' }]),
    );
    render(RegisterForm, { onsignedin: vi.fn() });
    await type('Your name', 'Robin');
    await type('Email', 'not-an-email');
    await type('Password', 'long enough password');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(description(screen.getByLabelText('Email'))).toContain('Must match format "email"'));
  });

  it('hands the new session to the page', async () => {
    const { requests } = stubApi(() => ({ status: 201, body: { token: 'jwt', user: USER } }));
    const onsignedin = vi.fn();
    render(RegisterForm, { onsignedin });
    await type('Your name', ' Robin ');
    await type('Email', 'robin@example.org');
    await type('Password', 'long enough password');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(onsignedin).toHaveBeenCalledWith({ token: 'jwt', user: USER }));
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/auth/register',
      body: { displayName: 'Robin', email: 'robin@example.org', password: 'long enough password' },
    });
  });
});

describe('RegisterForm on a server that sends email', () => {
  it('says to check the email instead of signing in', async () => {
    stubApi(() => ({
      status: 202,
      body: { message: 'Check your email: we sent a link to robin@example.org that finishes registering.' },
    }));
    const onsignedin = vi.fn();
    render(RegisterForm, { onsignedin });
    await type('Your name', 'Robin');
    await type('Email', 'robin@example.org');
    await type('Password', 'long enough password');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Check your email/));
    expect(screen.queryByRole('button', { name: 'Create account' })).toBeNull();
    expect(onsignedin).not.toHaveBeenCalled();
  });
});

describe('SignInForm', () => {
  it('shows a wrong password as a message for the whole form', async () => {
    stubApi(() => ({
      status: 401,
      body: { error: { code: 'invalid_credentials', message: 'The email or password is wrong.' } },
    }));
    const onsignedin = vi.fn();
    render(SignInForm, { onsignedin });
    await type('Email', 'robin@example.org');
    await type('Password', 'wrong password');
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The email or password is wrong.'));
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(onsignedin).not.toHaveBeenCalled();
  });

  it('signs in', async () => {
    stubApi(() => ({ body: { token: 'jwt', user: USER } }));
    const onsignedin = vi.fn();
    render(SignInForm, { onsignedin });
    await type('Email', 'robin@example.org');
    await type('Password', 'long enough password');
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onsignedin).toHaveBeenCalledWith({ token: 'jwt', user: USER }));
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithQueryClient } from '@/testing/test-utils';
import { sessionQueryKey } from '../api/get-session';
import { LoginForm } from './login-form';

const session = {
  user: { id: 'u1', email: 'owner@tandem.demo', name: 'Olivia Owner' },
  workspaces: [{ id: 'w1', name: 'Mobile App', key: 'APP', role: 'owner' }],
  csrfToken: 'tok-123',
};

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function setup() {
  const onSuccess = vi.fn();
  const utils = renderWithQueryClient(<LoginForm onSuccess={onSuccess} />);
  const email = screen.getByLabelText('Email') as HTMLInputElement;
  const password = screen.getByLabelText('Password') as HTMLInputElement;
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  const fill = (e: string, p: string) => {
    fireEvent.change(email, { target: { value: e } });
    fireEvent.change(password, { target: { value: p } });
  };
  return { ...utils, onSuccess, email, password, submit, fill };
}

function errorOf(input: HTMLElement): string | null {
  const ids = input.getAttribute('aria-describedby') ?? '';
  return ids ? (document.getElementById(ids.split(' ')[0] ?? '')?.textContent ?? null) : null;
}

describe('LoginForm', () => {
  it('shows a message under each empty field and sends nothing', async () => {
    const { email, password, submit } = setup();
    submit();
    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(email)).toBe('Enter a valid email address');
    expect(document.activeElement).toBe(email);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects a malformed email but accepts the password', async () => {
    const { email, password, submit, fill } = setup();
    fill('not-an-email', 'secret');
    submit();
    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBeNull();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('clears a field error as soon as the field is edited', async () => {
    const { email, submit } = setup();
    submit();
    await screen.findByText('Enter a valid email address');
    fireEvent.change(email, { target: { value: 'o' } });
    expect(screen.queryByText('Enter a valid email address')).toBeNull();
    expect(screen.getByText('Enter your password')).toBeTruthy();
  });

  it('signs in, stores the session and reports success', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, session));
    const { fill, submit, onSuccess, queryClient } = setup();
    fill('  Owner@Tandem.demo ', 'tandem-demo');
    submit();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(session));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(String(init?.body))).toEqual({
      email: 'owner@tandem.demo',
      password: 'tandem-demo',
    });
    expect(queryClient.getQueryData(sessionQueryKey)).toEqual(session);
  });

  it('shows the server’s field messages from a 400', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        error: {
          code: 'validation_failed',
          message: 'Check the highlighted fields',
          details: { fields: [{ path: 'password', message: 'Password is too long' }] },
        },
      }),
    );
    const { fill, submit, password } = setup();
    fill('owner@tandem.demo', 'x');
    submit();
    expect(await screen.findByText('Password is too long')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the credentials are wrong on a 401, without blaming one field', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(401, {
        error: { code: 'unauthenticated', message: 'Email or password is incorrect' },
      }),
    );
    const { fill, submit, email, password, onSuccess } = setup();
    fill('owner@tandem.demo', 'wrong');
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Email or password is incorrect.');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect(password.getAttribute('aria-invalid')).toBeNull();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('tells how long to wait on a 429', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        429,
        { error: { code: 'rate_limited', message: 'Too many requests' } },
        { 'retry-after': '90' },
      ),
    );
    const { fill, submit } = setup();
    fill('owner@tandem.demo', 'wrong');
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many sign-in attempts. Try again in 2 minutes.');
  });

  it('says when the server cannot be reached', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { fill, submit } = setup();
    fill('owner@tandem.demo', 'tandem-demo');
    submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be reached/);
  });
});

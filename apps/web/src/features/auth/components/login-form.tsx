import { type LoginRequest, loginRequestSchema, type Session } from '@tandem/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { isApiError } from '@/lib/api-client';
import { useLogin } from '../api/login';

type FieldErrors = Partial<Record<keyof LoginRequest, string>>;

/** What to tell a person whose sign-in failed for a reason other than one field. */
export function loginFailureMessage(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'unauthenticated':
      return 'Email or password is incorrect.';
    case 'rate_limited': {
      const wait = error.retryAfterSeconds;
      if (!wait) return 'Too many sign-in attempts. Wait a moment, then try again.';
      const minutes = Math.ceil(wait / 60);
      return `Too many sign-in attempts. Try again in ${
        wait < 60
          ? `${wait} second${wait === 1 ? '' : 's'}`
          : `${minutes} minute${minutes === 1 ? '' : 's'}`
      }.`;
    }
    default:
      return error.message;
  }
}

export function LoginForm({ onSuccess }: { onSuccess: (session: Session) => void }) {
  const id = useId();
  const emailId = `${id}-email`;
  const passwordId = `${id}-password`;
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const login = useLogin({ onSuccess });

  const focusFirstInvalid = (errors: FieldErrors) => {
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({
      email: String(data.get('email') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    });
    setFormError(null);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if ((key === 'email' || key === 'password') && !errors[key]) errors[key] = issue.message;
      }
      setFieldErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data, {
      onError: (error) => {
        if (isApiError(error) && error.fields.length > 0) {
          const errors: FieldErrors = {};
          const email = error.fieldError('email');
          const password = error.fieldError('password');
          if (email) errors.email = email;
          if (password) errors.password = password;
          setFieldErrors(errors);
          focusFirstInvalid(errors);
          if (!email && !password) setFormError(error.message);
          return;
        }
        setFormError(loginFailureMessage(error));
        if (isApiError(error) && error.code === 'unauthenticated') {
          passwordRef.current?.select();
        }
      },
    });
  };

  const clearFieldError = (key: keyof LoginRequest) => {
    if (fieldErrors[key]) setFieldErrors(({ [key]: _, ...rest }) => rest);
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Sign in" className="space-y-4">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field id={emailId} label="Email" error={fieldErrors.email}>
        <Input
          ref={emailRef}
          {...fieldControlProps(emailId, fieldErrors.email)}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          placeholder="you@company.com"
          autoFocus
          onChange={() => clearFieldError('email')}
        />
      </Field>
      <Field id={passwordId} label="Password" error={fieldErrors.password}>
        <Input
          ref={passwordRef}
          {...fieldControlProps(passwordId, fieldErrors.password)}
          name="password"
          type="password"
          autoComplete="current-password"
          onChange={() => clearFieldError('password')}
        />
      </Field>
      <Button
        type="submit"
        variant="primary"
        size="lg"
        className="w-full"
        loading={login.isPending}
      >
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

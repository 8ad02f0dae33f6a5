import { useMutation } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { renderWithQueryClient } from '@/testing/test-utils';
import { ClientCertificateDialog, type PemPair } from './client-certificate-dialog';

type Send = (input: PemPair | null) => Promise<unknown>;

function Harness({
  send,
  onClose,
  hasCertificate,
}: {
  send: Send;
  onClose: () => void;
  hasCertificate: boolean;
}) {
  const save = useMutation({ mutationFn: send });
  return (
    <ClientCertificateDialog
      onClose={onClose}
      save={save}
      hasCertificate={hasCertificate}
      description="For the test target."
      idPrefix="test"
    />
  );
}

function renderDialog(send: Send, hasCertificate = false) {
  const onClose = vi.fn();
  renderWithQueryClient(<Harness send={send} onClose={onClose} hasCertificate={hasCertificate} />);
  return { onClose };
}

const button = (name: string) => screen.getByRole('button', { name });
const paste = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ClientCertificateDialog', () => {
  it('saves only once both PEM fields are filled, then closes', async () => {
    const send = vi.fn<Send>(async () => ({}));
    const { onClose } = renderDialog(send);
    expect(button('Save')).toHaveProperty('disabled', true);
    paste('Private key (PEM)', 'KEY');
    expect(button('Save')).toHaveProperty('disabled', true);
    paste('Certificate (PEM)', 'CERT');
    fireEvent.click(button('Save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(send.mock.calls[0]?.[0]).toEqual({ privateKeyPem: 'KEY', certificatePem: 'CERT' });
  });

  it('shows the server’s answer about a field at that field, and stays open', async () => {
    const send = vi.fn(async () => {
      throw new ApiError({
        status: 400,
        code: 'validation_failed',
        message: 'Invalid input',
        fields: [{ path: 'privateKeyPem', message: 'This private key does not belong' }],
      });
    });
    const { onClose } = renderDialog(send);
    paste('Private key (PEM)', 'KEY');
    paste('Certificate (PEM)', 'CERT');
    fireEvent.click(button('Save'));
    expect(await screen.findByText('This private key does not belong')).toBeTruthy();
    expect(screen.getByLabelText('Private key (PEM)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Certificate (PEM)').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('offers to remove a stored certificate only when there is one', async () => {
    renderDialog(async () => ({}));
    expect(screen.queryByRole('button', { name: 'Remove certificate' })).toBeNull();
  });

  it('removes the stored certificate by sending nothing', async () => {
    const send = vi.fn<Send>(async () => ({}));
    const { onClose } = renderDialog(send, true);
    fireEvent.click(button('Remove certificate'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(send.mock.calls[0]?.[0]).toBeNull();
  });
});

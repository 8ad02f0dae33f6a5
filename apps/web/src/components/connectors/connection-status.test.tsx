import type { Connection } from '@tandem/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { trackerPresentation } from '@/testing/connector-presentations';
import { ConnectionStatus } from './connection-status';
import { formatDay } from './oauth-outcome';

const now = new Date('2026-11-25T12:00:00.000Z');
const oauth: Connection = {
  kind: 'oauth2',
  connectedAs: 'Pat Planner',
  expiresAt: null,
  connectedAt: '2026-11-20T09:00:00.000Z',
  accessTokenExpiresAt: '2026-11-26T12:00:00.000Z',
  needsReauthorization: false,
  fromTemplate: false,
};
const words = trackerPresentation.authorize.connection;
const text = () => screen.getByRole('status').textContent ?? '';

describe('ConnectionStatus', () => {
  it('says the connection lasts while used when the system gives no end, and never shows the access token’s expiry', () => {
    render(<ConnectionStatus words={words} connection={oauth} now={now} />);
    expect(text()).toContain('Tracker accepts the token of Pat Planner');
    expect(text()).toContain(`Connected on ${formatDay('2026-11-20T09:00:00.000Z')}`);
    expect(text()).toContain('No end date.');
    expect(text()).not.toContain(formatDay(oauth.accessTokenExpiresAt!));
  });

  it('shows the grant’s end when the system gave it, and warns when it is near', () => {
    const { unmount } = render(
      <ConnectionStatus
        words={words}
        connection={{ ...oauth, expiresAt: '2027-03-01T00:00:00.000Z' }}
        now={now}
      />,
    );
    expect(text()).toContain(`The token lasts until ${formatDay('2027-03-01T00:00:00.000Z')}`);
    unmount();
    render(
      <ConnectionStatus
        words={words}
        connection={{ ...oauth, expiresAt: '2026-12-01T00:00:00.000Z' }}
        now={now}
      />,
    );
    expect(text()).toContain(`The token ends on ${formatDay('2026-12-01T00:00:00.000Z')}`);
  });

  it('asks to connect again when the system no longer accepts it', () => {
    render(
      <ConnectionStatus
        words={words}
        connection={{ ...oauth, needsReauthorization: true }}
        now={now}
      />,
    );
    expect(text()).toContain('Tracker refuses this token');
    expect(text()).toContain('Connect again to resume');
    expect(text()).not.toContain('accepts the token');
  });

  it('a key or token works until it is revoked', () => {
    render(
      <ConnectionStatus
        words={words}
        connection={{ ...oauth, kind: 'api_key', accessTokenExpiresAt: null }}
        now={now}
      />,
    );
    expect(text()).toContain('with a personal access token');
    expect(text()).toContain('until it expires or is revoked in Tracker');
  });
});

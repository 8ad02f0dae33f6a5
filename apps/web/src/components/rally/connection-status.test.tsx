import type { Connection } from '@tandem/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
const text = () => screen.getByRole('status').textContent ?? '';

describe('ConnectionStatus', () => {
  it('says the connection lasts while used when Rally gives no end, and never shows the access token’s expiry', () => {
    render(<ConnectionStatus connection={oauth} now={now} />);
    expect(text()).toContain('Connected to Rally as Pat Planner');
    expect(text()).toContain(`Connected on ${formatDay('2026-11-20T09:00:00.000Z')}`);
    expect(text()).toContain('stays valid while Tandem uses it');
    expect(text()).not.toContain(formatDay(oauth.accessTokenExpiresAt!));
  });

  it('shows the grant’s end when Rally gave it, and warns when it is near', () => {
    const { unmount } = render(
      <ConnectionStatus
        connection={{ ...oauth, expiresAt: '2027-03-01T00:00:00.000Z' }}
        now={now}
      />,
    );
    expect(text()).toContain(`permission lasts until ${formatDay('2027-03-01T00:00:00.000Z')}`);
    unmount();
    render(
      <ConnectionStatus
        connection={{ ...oauth, expiresAt: '2026-12-01T00:00:00.000Z' }}
        now={now}
      />,
    );
    expect(text()).toContain(`permission ends on ${formatDay('2026-12-01T00:00:00.000Z')}`);
    expect(text()).toContain('Connect again before then');
  });

  it('asks to connect again when Rally no longer accepts it', () => {
    render(<ConnectionStatus connection={{ ...oauth, needsReauthorization: true }} now={now} />);
    expect(text()).toContain('Rally no longer accepts this connection');
    expect(text()).toContain('Connect again to resume');
    expect(text()).not.toContain('Connected to Rally as');
  });

  it('an API key works until it is revoked', () => {
    render(
      <ConnectionStatus
        connection={{ ...oauth, kind: 'api_key', accessTokenExpiresAt: null }}
        now={now}
      />,
    );
    expect(text()).toContain('with an API key');
    expect(text()).toContain('works until someone revokes it');
  });
});

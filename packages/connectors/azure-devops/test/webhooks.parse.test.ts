import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDelivery } from '../src/webhook-payload.ts';
import { verifyDelivery } from '../src/webhooks.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');

describe('service-hook deliveries', () => {
  it('an update: the changed fields without bookkeeping, old values, who, and no move', () => {
    const [change] = parseDelivery(fixture('workitem.updated.state-change'));
    expect(change).toMatchObject({
      kind: 'updated',
      ref: { type: 'Feature', id: '501' },
      version: '3',
      changedBy: 'fabrikamfiber4@hotmail.com',
      scopeChanged: false,
      fields: { 'System.State': 'Active' },
      previousFields: { 'System.State': 'New' },
    });
    expect(change?.fields).not.toHaveProperty('System.Rev');
    expect(change?.fields).not.toHaveProperty('System.Watermark');
  });

  it('a created and a deleted work item', () => {
    expect(parseDelivery(fixture('workitem.created'))[0]).toMatchObject({ kind: 'created' });
    expect(parseDelivery(fixture('workitem.deleted'))[0]).toMatchObject({ kind: 'deleted' });
  });

  it('a move to another area says so', () => {
    const body = JSON.parse(fixture('workitem.updated.state-change'));
    body.resource.fields['System.AreaPath'] = { oldValue: 'Fabrikam\\Web', newValue: 'Other' };
    expect(parseDelivery(JSON.stringify(body))[0]?.scopeChanged).toBe(true);
  });

  it('verifies the secret header and the subscription', () => {
    const body = fixture('workitem.updated.state-change');
    const subscriptionId = JSON.parse(body).subscriptionId as string;
    const registration = {
      id: `a,${subscriptionId}`,
      targetUrl: 'https://t.example/h',
      secret: 's3cret',
    };
    const delivery = { url: '/h', headers: { 'x-tandem-hook-secret': 's3cret' }, body };
    expect(verifyDelivery(registration, delivery)).toBe(true);
    expect(verifyDelivery({ ...registration, id: 'a,b' }, delivery)).toBe(false);
    expect(verifyDelivery(registration, { ...delivery, headers: {} })).toBe(false);
  });
});

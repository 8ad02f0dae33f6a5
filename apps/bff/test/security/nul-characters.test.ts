import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';

/**
 * PostgreSQL cannot hold NUL in text: an id, a query or a name carrying one was a 500 there
 * (found by fuzz-routes). Refused as bad input before any route reads it, on both databases.
 */
describeEachDialect('NUL characters in requests', (handle) => {
  it('are refused with 400 in the address, the query and JSON bodies; escaped ones are text', async () => {
    const { client } = await createTestApp(handle());
    const owner = client();
    const { workspaces } = await (await owner.login('owner@tandem.demo')).json();
    const base = `/api/workspaces/${workspaces[0].id}`;
    const refused = [
      ['GET', `/api/workspaces/a%00b`],
      ['DELETE', `${base}/features/%00`],
      ['GET', `${base}/features?q=a%00b`],
      ['POST', '/api/webhooks/%00', '{}'],
      [
        'POST',
        `${base}/releases`,
        { name: 'a\u0000b', startDate: '2027-01-04', releaseDate: '2027-03-26' },
      ],
      ['POST', `${base}/initiatives`, { name: 'x', descriptionHtml: '<p>a\u0000b</p>' }],
      ['PATCH', base, { name: 'W\u0000' }],
      ['POST', '/api/integration-templates', { name: 'T\u0000', system: 'rally' }],
    ] as const;
    for (const [method, path, body] of refused) {
      const res = await owner.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
    }
    // A backslash followed by "u0000" is ordinary text.
    const text = await owner.request('PATCH', base, { name: 'Path \\u0000 team' });
    expect(text.status).toBe(200);
    expect((await text.json()).name).toBe('Path \\u0000 team');
  });
});

import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { roadmapFixture } from './support/roadmap.ts';

describeEachDialect('custom fields API (workspace settings)', (handle) => {
  const definition = {
    recordType: 'feature',
    key: 'segment',
    label: 'Customer segment',
    type: 'select',
    options: ['SMB', 'Enterprise'],
    required: true,
  };

  it('lets the owner create, edit and delete a field, and members read them', async () => {
    const f = await roadmapFixture(handle());
    const created = await f.owner.request('POST', `${f.base}/custom-fields`, definition);
    expect(created.status).toBe(201);
    const field = await created.json();
    expect(field).toMatchObject({ ...definition, position: 0 });

    const edited = await f.owner.request('PATCH', `${f.base}/custom-fields/${field.id}`, {
      label: 'Segment',
      options: ['SMB', 'Mid-market', 'Enterprise'],
      required: false,
    });
    expect(await edited.json()).toMatchObject({ label: 'Segment', required: false });
    for (const browser of [f.viewer, f.contributor]) {
      const { fields } = await (await browser.request('GET', `${f.base}/custom-fields`)).json();
      expect(fields).toEqual([expect.objectContaining({ key: 'segment', label: 'Segment' })]);
    }
    expect((await f.owner.request('DELETE', `${f.base}/custom-fields/${field.id}`)).status).toBe(
      204,
    );
    const { fields } = await (await f.viewer.request('GET', `${f.base}/custom-fields`)).json();
    expect(fields).toEqual([]);
  });

  it('refuses a contributor or viewer changing custom fields with 403, writing nothing', async () => {
    const f = await roadmapFixture(handle());
    const field = await (
      await f.owner.request('POST', `${f.base}/custom-fields`, definition)
    ).json();
    const before = await f.written('custom_field_definitions');
    for (const browser of [f.contributor, f.viewer]) {
      for (const [method, path, body] of [
        ['POST', `${f.base}/custom-fields`, { ...definition, key: 'other' }],
        ['PATCH', `${f.base}/custom-fields/${field.id}`, { required: false }],
        ['DELETE', `${f.base}/custom-fields/${field.id}`, undefined],
      ] as const) {
        const res = await browser.request(method, path, body);
        expect(res.status).toBe(403);
        expect((await res.json()).error.message).toMatch(/needs the owner role/);
      }
    }
    expect(await f.written('custom_field_definitions')).toEqual(before);
  });

  it('refuses a duplicate key and a select without options with 400', async () => {
    const f = await roadmapFixture(handle());
    await f.owner.request('POST', `${f.base}/custom-fields`, definition);
    const before = await f.written('custom_field_definitions');
    const dup = await f.owner.request('POST', `${f.base}/custom-fields`, definition);
    expect(dup.status).toBe(400);
    expect((await dup.json()).error.details.fields[0].path).toBe('key');
    const empty = await f.owner.request('POST', `${f.base}/custom-fields`, {
      ...definition,
      key: 'tier',
      options: [],
    });
    expect((await empty.json()).error.details.fields[0].path).toBe('options');
    const badKey = await f.owner.request('POST', `${f.base}/custom-fields`, {
      ...definition,
      key: 'Bad Key',
    });
    expect(badKey.status).toBe(400);
    expect(await f.written('custom_field_definitions')).toEqual(before);
  });
});
